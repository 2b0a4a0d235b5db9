// A small deck with one diagram of each kind (and a two-sided comparison),
// parsed in memory, shared by the diagram tests.
#pragma once

#include <gtest/gtest.h>

#include "deck/parse.h"

namespace madang::test {

inline constexpr const char* kDiagramDeck = R"(---
title: 도식 시험
footer: 도식 시험
---

# 세 주체

```diagram triangle
nodes:
  - id: gov
    label: 정부
    detail: 지원자이며 기획자
  - id: market
    label: 시장
    detail: 시장(기업)
  - id: civil
    label: 시민사회
    detail: 개인, 가족, 지역공동체
center: 비영리단체
edges:
  - from: civil
    to: gov
    label: 거버넌스
    detail: 시민이 문제 해결의 주체로 참여하는 거버넌스
```

---

# 생태계 비교

```diagram compare
attributes: [정의, 핵심]
items:
  - id: nature
    label: 자연생태계
    정의: 생물 군집과 환경으로 구성된 통합시스템으로서 생산-소비-분해-재생산의 과정 속에서 생물공동체(유기체)와 이를 둘러싼 환경(무기체) 간의 상호작용을 통해 자생적이며 자기영속적 속성을 가짐
    핵심: 종의 다양성
  - id: business
    label: 기업생태계
    정의: 다수의 유기적으로 연결된 기업들이 환경 속에서 상호 작용하는 연결망
    핵심: 기업연결성, 자기조절 역동성
  - id: venture
    label: 벤처생태계
    정의: 환경에 기민하게 반응하는 자발적 유기체로서 자기증식 시스템
    핵심: 벤처기업, 벤처캐피탈, 회수시장
```

---

# 두 접근

```diagram compare
attributes: [추진관점, 지원전략, 추진체계]
items:
  - id: old
    label: 기존접근
    추진관점: 일자리창출
    지원전략: 한시적 인건비사업비 지원
    추진체계: 공공주도형
  - id: new
    label: 새로운접근
    추진관점: 시민 주도 사회혁신 활성화
    지원전략: 포괄 사업비와 사회적기금 조성
    추진체계: 사회적경제 민관 거버넌스
```

---

# 흐름

```diagram flow
stepped: true
steps:
  - id: crisis
    label: 생활의 위기
    detail: 저성장과 양극화
  - id: support
    label: 지원과 수혜
    detail: 지원-수혜 분리모형
  - id: selfhelp
    label: 자조와 협동
    detail: 시민이 문제 해결의 주체
```
)";

enum DiagramSlide { kTriangleSlide = 0, kEcosystemSlide = 1, kTwoSidedSlide = 2, kFlowSlide = 3 };

inline deck::Deck diagram_deck() {
  deck::ParseResult r = deck::parse_deck(kDiagramDeck, "diagrams.md", {.check_files = false});
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.where.line << ": " << d.message;
  return std::move(r.deck);
}

}  // namespace madang::test
