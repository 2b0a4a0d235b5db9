# Run by cpack (CPACK_PRE_BUILD_SCRIPTS) on the staged files of the Debian
# package, before it is packed: what only the package holds, and what
# Debian's own tools (dh_strip, dh_installchangelogs) would have done.
#   - usr/share/doc/madang/changelog.gz: a Debian changelog of one entry for
#     this version (the changes themselves are in git); dated now, or
#     SOURCE_DATE_EPOCH when set;
#   - usr/share/lintian/overrides/madang: lintian's findings we keep, each
#     with its reason (dist/lintian-overrides);
#   - the binaries without the .comment and .note sections (cpack's strip
#     keeps them).
set(root "${CPACK_TEMPORARY_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}")
set(name "${CPACK_PACKAGE_NAME}")

string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE "${CPACK_TEMPORARY_DIRECTORY}/changelog"
"${name} (${CPACK_PACKAGE_VERSION}) unstable; urgency=medium

  * Madang ${CPACK_PACKAGE_VERSION}, built from its source with scripts/package.
    The changes are in the project's git history.

 -- ${CPACK_PACKAGE_CONTACT}  ${date}
")
execute_process(COMMAND gzip -9n "${CPACK_TEMPORARY_DIRECTORY}/changelog"
                COMMAND_ERROR_IS_FATAL ANY)
# file(COPY_FILE), not file(INSTALL): cpack has DESTDIR set, which INSTALL would add again.
set(readable PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
file(MAKE_DIRECTORY "${root}/share/doc/${name}" "${root}/share/lintian/overrides")
file(RENAME "${CPACK_TEMPORARY_DIRECTORY}/changelog.gz" "${root}/share/doc/${name}/changelog.gz")
file(COPY_FILE "${CMAKE_CURRENT_LIST_DIR}/lintian-overrides" "${root}/share/lintian/overrides/${name}")
file(CHMOD "${root}/share/doc/${name}/changelog.gz" "${root}/share/lintian/overrides/${name}" ${readable})

file(GLOB programs "${root}/bin/*")
foreach(program ${programs})
  execute_process(COMMAND "${CPACK_MADANG_STRIP}" --remove-section=.comment --remove-section=.note
                          "${program}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()
