// SlideBuilder: one slide's Markdown (cmark-gfm) read into a Slide, with its
// comments, directives and notes. Private to deck/: slide_builder.cpp reads
// the Markdown (inline content, blocks, tables, fragments) and
// slide_directives.cpp the comments and directives; build_slide
// (slide_builder.h) is the entry point.
#pragma once

#include <cmark-gfm.h>

#include <string>
#include <vector>

#include "deck/deck.h"
#include "deck/directives.h"
#include "deck/limits.h"
#include "deck/slide_builder.h"

namespace madang::deck {

// Slides, and speaker notes: notes are Markdown too, but only text (no
// images, diagrams or directives), and nothing in them is an error: odd
// Markdown in the notes never stops a show. A header or footer line is read
// as notes are, but its images are kept (line_images_), not their alt text.
enum class Mode { kSlide, kNotes, kLine };

class SlideBuilder {
 public:
  SlideBuilder(const SlideSource& source, const SlideEnv& env, Mode mode = Mode::kSlide)
      : src_(source), env_(env), mode_(mode) {}

  Slide build(int index);
  std::vector<Block> build_notes();

 private:
  void where(cmark_node* node, int* line, int* column) const;
  int file_line(int slide_line) const { return src_.first_line + slide_line - 1; }
  RichText inlines(cmark_node* container);
  void blocks(cmark_node* parent, int depth, std::vector<Block>* out);
  void block(cmark_node* node, int depth, std::vector<Block>* out);
  bool image_paragraph(cmark_node* paragraph, std::vector<Block>* out);
  void code_block(cmark_node* node, Block* out);
  void table(cmark_node* node, Block* out);
  void html_block(cmark_node* node);
  void comment(const Comment& c, int line, int column);
  void directive(const Comment& c, int line, int column);
  void global_directive(const Comment& c, int line, int column);
  void add_note(const std::string& text, int line);
  RichText inline_markdown(const std::string& text, int line, std::vector<Image>* images);
  void resolve_directives();
  void assign_fragments();
  bool spend(int line, int column);
  void spend_text(std::string* text, cmark_node* node);

  void notes();

  const SlideSource& src_;
  const SlideEnv& env_;
  const Mode mode_;
  Slide slide_;
  bool nesting_reported_ = false;
  int budget_ = limits::kMaxBlocksPerSlide;  // blocks, items and rows left
  bool budget_reported_ = false;
  // Per top-level block: pauses seen before it and its column.
  std::vector<int> pauses_before_;
  std::vector<int> column_of_;
  int pauses_ = 0;
  int column_ = 0;
  int column_line_ = 0, column_col_ = 0;
  bool incremental_set_ = false;
  LocalDirectives spots_;           // Marp's `_name` directives of this slide
  bool fit_ = false;                // a `<!-- fit -->` was in the inline content just read
  std::vector<Image> line_images_;  // Mode::kLine: the images of the line, in order

 public:
  bool counted_ = true;
};

}  // namespace madang::deck
