# Renderer benchmark: a text-heavy 1920x1080 frame through the software
# renderer (cold: render_headless as export does it; warm: a reused
# SdlRenderer as present mode does), and PNG encoding of that frame.
#   build-render/tests/bench/render_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
add_executable(render_bench ${CMAKE_CURRENT_LIST_DIR}/render_bench.cpp)
madang_test(render_bench)
pkg_check_modules(LIBPNG IMPORTED_TARGET libpng)
target_link_libraries(render_bench PRIVATE madang_render madang_stb benchmark::benchmark)
if(LIBPNG_FOUND)
  target_link_libraries(render_bench PRIVATE PkgConfig::LIBPNG)
  target_compile_definitions(render_bench PRIVATE MADANG_BENCH_LIBPNG=1)
endif()
