// Fenced `diagram` blocks: each kind, and every error located inside the fence.
#include "deck_test_util.h"

namespace madang::deck::test {
namespace {

TEST(Diagram, Triangle) {
  const ParseResult r = parse(
      "# 삼각형\n"
      "\n"
      "```diagram triangle\n"
      "title: 사회혁신 생태계\n"
      "center: 시민\n"
      "nodes:\n"
      "  - {id: gov, label: 정부, detail: 제도}\n"
      "  - {id: market, label: 시장}\n"
      "  - {id: civil, label: 시민사회, detail: 참여}\n"
      "edges:\n"
      "  - {from: gov, to: market, label: 규제}\n"
      "```\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const Block& b = blocks(r).at(1);
  ASSERT_EQ(b.kind, BlockKind::kDiagram);
  const Diagram& d = b.diagram;
  EXPECT_EQ(d.kind, DiagramKind::kTriangle);
  EXPECT_EQ(d.title, "사회혁신 생태계");
  EXPECT_EQ(d.center, "시민");
  ASSERT_EQ(d.nodes.size(), 3u);
  EXPECT_EQ(d.nodes[0].id, "gov");
  EXPECT_EQ(d.nodes[0].detail, "제도");
  EXPECT_EQ(d.nodes[1].detail, "");
  EXPECT_EQ(d.nodes[2].line, 9);
  ASSERT_EQ(d.edges.size(), 1u);
  EXPECT_EQ(d.edges[0].from, "gov");
  EXPECT_EQ(d.edges[0].label, "규제");
  EXPECT_EQ(d.edges[0].line, 11);
}

TEST(Diagram, TriangleErrorsAreLocatedInsideTheFence) {
  const ParseResult r = parse(
      "# 삼각형\n"
      "```diagram triangle\n"
      "nodes:\n"
      "  - {id: a, label: 가}\n"
      "  - {id: a, label: 나}\n"
      "  - {id: c}\n"
      "edges:\n"
      "  - {from: a, to: zz}\n"
      "  - {from: c}\n"
      "shape: round\n"
      "```\n");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "deck.md:5:10: error: duplicate id 'a'",
                             "deck.md:6:5: error: node 'c' needs a 'label'",
                             "deck.md:8:19: error: unknown node id 'zz'; valid: a, c",
                             "deck.md:9:5: error: an edge needs 'to'",
                             "deck.md:10:1: warning: unknown key 'shape' in a triangle diagram; "
                             "valid: title, nodes, center, edges",
                         }));
  EXPECT_EQ(blocks(r).at(1).diagram.nodes.size(), 2u);
}

TEST(Diagram, TriangleNeedsThreeNodes) {
  const ParseResult r = parse("```diagram triangle\nnodes:\n  - {id: a, label: 가}\n```\n");
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:3:3: error: a triangle needs exactly 3 nodes, found 1"});
}

TEST(Diagram, Compare) {
  const ParseResult r = parse(
      "```diagram compare\n"
      "attributes: [주체, 재원]\n"
      "items:\n"
      "  - id: gov\n"
      "    label: 정부\n"
      "    주체: 공공\n"
      "    재원: 세금\n"
      "  - id: market\n"
      "    label: 시장\n"
      "    주체: 기업\n"
      "    colour: red\n"
      "```\n");
  EXPECT_EQ(messages(r), (std::vector<std::string>{
                             "deck.md:8:5: warning: item 'market' has no value for '재원'",
                             "deck.md:11:5: warning: unknown key 'colour' in item; valid: id, "
                             "label, detail, 주체, 재원",
                         }));
  const Diagram& d = blocks(r).at(0).diagram;
  EXPECT_EQ(d.kind, DiagramKind::kCompare);
  EXPECT_EQ(d.attributes, (std::vector<std::string>{"주체", "재원"}));
  ASSERT_EQ(d.nodes.size(), 2u);
  EXPECT_EQ(d.nodes[0].values, (std::vector<std::string>{"공공", "세금"}));
  EXPECT_EQ(d.nodes[1].values, (std::vector<std::string>{"기업", ""}));
}

// Typos get the word that was meant (issue #26): a key, a node id, a kind,
// and a compare attribute (one warning, not a second "has no value" too).
TEST(Diagram, TyposSuggestTheWordMeant) {
  const ParseResult r = parse(
      "```diagram triangel\nnodes: []\n```\n\n"
      "```diagram flow\nsteps:\n  - {id: a, lable: 발견}\n```\n\n"
      "```diagram triangle\nnodes:\n  - {id: gov, label: 정부}\n  - {id: market, label: 시장}\n"
      "  - {id: civil, label: 시민}\nedges:\n  - {from: gov, to: markte}\n```\n\n"
      "```diagram compare\nattributes: [population]\nitems:\n"
      "  - {id: a, label: 가, populaton: 3}\n```\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:1:1: error: unknown diagram kind 'triangel'; did you mean 'triangle'?",
                "deck.md:7:5: error: step 'a' needs a 'label'",
                "deck.md:7:13: warning: unknown key 'lable' in step; did you mean 'label'?",
                "deck.md:16:21: error: unknown node id 'markte'; did you mean 'market'?",
                "deck.md:22:23: warning: unknown key 'populaton' in item; did you mean "
                "'population'?",
            }));
}

TEST(Diagram, SteppedFlowAddsSteps) {
  const ParseResult r = parse(
      "# 흐름\n\n<!-- pause -->\n\n```diagram flow\n"
      "stepped: true\n"
      "steps:\n"
      "  - {id: a, label: 발견}\n"
      "  - {id: b, label: 실험, detail: 작게}\n"
      "  - {id: c, label: 확산}\n"
      "```\n");
  EXPECT_TRUE(r.diagnostics.empty()) << joined(r);
  const Slide& s = r.deck.slides.at(0);
  const Diagram& d = s.blocks.at(1).diagram;
  EXPECT_EQ(d.kind, DiagramKind::kFlow);
  EXPECT_TRUE(d.stepped);
  ASSERT_EQ(d.nodes.size(), 3u);
  EXPECT_EQ(d.nodes[1].detail, "작게");
  EXPECT_EQ(s.blocks[1].fragment, 1);
  EXPECT_EQ(s.steps, 3);  // appears at 1, then two more steps
}

TEST(Diagram, UnknownKindAndBadYaml) {
  const ParseResult r = parse(
      "```diagram venn\na: 1\n```\n\n```diagram\n```\n\n  ```diagram flow\n  steps: [\n  ```\n\n"
      "```diagram flow\nstepped: maybe\nsteps: 3\n```\n");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "deck.md:1:1: error: unknown diagram kind 'venn' (valid: triangle, compare, flow)",
                "deck.md:5:1: error: diagram kind missing (valid: triangle, compare, flow)",
                "deck.md:10:3: error: invalid YAML in diagram: end of sequence flow not found",
                "deck.md:13:10: error: 'stepped' must be true or false",
                "deck.md:14:8: error: 'steps' must be a list",
            }));
  const auto& b = blocks(r);
  EXPECT_EQ(b.at(0).kind, BlockKind::kCode);  // unusable diagrams stay visible as code
  EXPECT_EQ(b.at(3).kind, BlockKind::kDiagram);
}

TEST(Diagram, AliasBombIsRefused) {
  std::string yaml = "```diagram flow\nx0: &x0 [a, a, a, a, a, a, a, a]\n";
  for (int i = 1; i < 12; ++i) {
    yaml += "x" + std::to_string(i) + ": &x" + std::to_string(i) + " [*x" + std::to_string(i - 1) +
            ", *x" + std::to_string(i - 1) + "]\n";
  }
  yaml += "steps: *x11\n```\n";
  const ParseResult r = parse(yaml);
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "deck.md:3:10: error: YAML aliases (*name) are not supported"});
  EXPECT_EQ(blocks(r).at(0).kind, BlockKind::kCode);
}

}  // namespace
}  // namespace madang::deck::test
