// The layering check: which folder of src/ may include which
// (docs/architecture.md, "Allowed arrows"), and every #include that breaks it.
//
// Promise: reads files only; every violation comes back as one line
// "src/FOLDER/FILE:LINE: ..." naming the include and what the table allows.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace madang::test {

// Folder -> the folders it may include ("main" is src/main.cpp).
using Arrows = std::map<std::string, std::set<std::string>>;

// The table under the "## Allowed arrows" heading of `markdown`: rows of
// "| `folder` | `a`, `b` |" ("—" for none). Empty when there is none.
Arrows read_arrows(const std::string& markdown);

// Every include under `src_dir` that the table does not allow, and every
// folder of `src_dir` the table has no row for.
std::vector<std::string> layering_violations(const std::string& src_dir, const Arrows& arrows);

}  // namespace madang::test
