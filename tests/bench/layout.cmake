# Whole-deck layout benchmark (cold and cached) against bare shaping.
add_executable(layout_bench ${CMAKE_CURRENT_LIST_DIR}/layout_bench.cpp)
madang_test(layout_bench)
target_link_libraries(layout_bench PRIVATE madang_layout PkgConfig::HARFBUZZ benchmark::benchmark)
target_compile_definitions(layout_bench PRIVATE MADANG_LECTURE_MD="${PROJECT_SOURCE_DIR}/slides/lecture.md")
