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

---

# 생태계의 개념 유형

```diagram compare
title: 생태계유형별 목적성
attributes: [정의, 구성요소·핵심요소, 사례]
items:
  - id: nature
    label: 자연생태계
    정의: 생물 군집과 환경으로 구성된 통합시스템으로서 생산-소비-분해-재생산의 과정 속에서 생물공동체(유기체)와 이를 둘러싼 환경(무기체) 간의 상호작용을 통해 자생적이며 자기영속적 속성을 가짐
    구성요소·핵심요소: "구성요소: 생산자-소비자-분해자 / 역할별 생물종: 핵심종, 우점종, 틈새종 / 항상성을 가지지만 진화하고 그 핵심은 종의 다양성"
    사례: 지리산과 설악산의 숲, 순천만과 우포늪의 습지, 제주의 오름과 곶자왈, 동해안의 사구와 석호, 한강 하구의 갯벌처럼 생산자와 소비자와 분해자가 함께 어울려 사는 곳
  - id: business
    label: 기업생태계
    정의: 다수의 유기적으로 연결된 기업들이 환경 속에서 상호 작용하면서 개별 기업의 생존과 번영, 쇠퇴에 영향을 미치는 연결망. 기업창업-생산요소 및 수요시장-퇴출-기업재창업의 순환 고리를 만들어 자연생태계와 유사.
    구성요소·핵심요소: "개별기업의 생로병사는 개별기업이 아니라 기업과 연결된 기업 및 환경과의 관계에서 결정 / 개척시기-확장시기-권위시기(성숙기)-혁신시기 / 중요요소: 기업연결성, 자기조절 역동성, 생태계의 강건성, 혁신을 통한 기회의 창출, 경쟁을 통한 학습과 상보성"
    사례: 완성차 기업과 부품 협력사, 물류와 금융이 함께 움직이는 자동차 산업의 공급망, 대기업과 중소 협력사가 이루는 전자 산업의 연결망
  - id: venture
    label: 벤처생태계
    정의: 환경에 기민하게 반응하는 자발적 유기체로서 벤처산업을 구성하는 요소들이 상호관계를 갖고 경영환경의 변화에 따라 변이. 성장, 진화, 융합, 분화를 통해 생존, 성장하는 자기증식 시스템
    구성요소·핵심요소: (핵심요소) 벤처기업, 벤처캐피탈, 회수시장 / (기반요소) 연구기관 등 기술, 전문인력, 자금, 전문적 자문 / (외부요소) 정부 해외 벤처 등 기반요소를 지원하거나 해외연계
    사례: 창업 지원 공간과 엔젤 투자자, 벤처캐피탈, 기술 이전을 돕는 대학과 연구소, 인수합병과 상장으로 이어지는 회수시장
  - id: innovation
    label: 혁신생태계
    정의: 혁신과 연관된 다양한 주체들이 혁신역량을 바탕으로 고유의 기능을 수행하고 서로 상호작용하면서 진화하는 유기체
    구성요소·핵심요소: ""
    사례: 지역의 사회혁신파크와 리빙랩, 시민과 공무원이 함께 문제를 정의하고 실험하는 협업 공간, 중간지원조직과 사회적경제 조직의 연결망
```
)";

enum DiagramSlide {
  kTriangleSlide = 0,
  kEcosystemSlide = 1,
  kTwoSidedSlide = 2,
  kFlowSlide = 3,
  kCrowdedCompareSlide = 4,  // four long items, three rows: too much to show in full at rest
};

inline deck::Deck diagram_deck() {
  deck::ParseResult r = deck::parse_deck(kDiagramDeck, "diagrams.md", {.check_files = false});
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.where.line << ": " << d.message;
  return std::move(r.deck);
}

}  // namespace madang::test
