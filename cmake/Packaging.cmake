# The Linux installation layout and the Debian package: `cpack -G DEB` in the build folder
# writes yardstick_<version>-<release>_<arch>.deb (scripts/test-deb.sh installs and runs it).
# Included from the top-level CMakeLists.txt once every program target exists. The top level
# installs the shipped data (frameworks, questionnaires, reports, examples) into
# share/yardstick, which the programs find from bin/ as ../share/yardstick.
# Windows packages are made by scripts/build-windows.sh; a sanitizer build is never packaged.
if(WIN32 OR APPLE OR CMAKE_CROSSCOMPILING OR YARDSTICK_SANITIZE)
  return()
endif()

set(YS_PACKAGING ${PROJECT_SOURCE_DIR}/packaging)
set(YS_GENERATED ${PROJECT_BINARY_DIR}/packaging)
set(YS_DEB_MAINTAINER "Yardstick developers <yardstick@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(YS_DATA_DIR ${CPACK_PACKAGING_INSTALL_PREFIX}/share/yardstick)
# Directories made during installation are 0755 whatever the umask (lintian checks).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# Dates honour SOURCE_DATE_EPOCH, so that a rebuild from the same sources can be identical.
string(TIMESTAMP YS_MAN_DATE "%Y-%m-%d" UTC)
string(TIMESTAMP YS_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(YS_DEB_VERSION ${PROJECT_VERSION}-1)

# Manual pages and the Debian changelog, gzipped without names or times (gzip -n) as
# Debian policy wants. yardstick-cli(1) comes from the program's own --help texts.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(ys_package_files)
add_custom_command(OUTPUT ${YS_GENERATED}/yardstick-cli.1.gz
  COMMAND ${Python3_EXECUTABLE} ${YS_PACKAGING}/linux/man-from-help.py $<TARGET_FILE:yardstick-cli>
          ${YS_GENERATED}/yardstick-cli.1 ${PROJECT_VERSION} ${YS_DATA_DIR} ${YS_MAN_DATE}
  COMMAND gzip -9 -n -f ${YS_GENERATED}/yardstick-cli.1
  DEPENDS yardstick-cli ${YS_PACKAGING}/linux/man-from-help.py
  COMMENT "Writing the yardstick-cli manual page from its --help"
  VERBATIM)
list(APPEND ys_package_files ${YS_GENERATED}/yardstick-cli.1.gz)
install(FILES ${YS_GENERATED}/yardstick-cli.1.gz DESTINATION share/man/man1)

configure_file(${YS_PACKAGING}/linux/changelog.Debian.in ${YS_GENERATED}/changelog.Debian @ONLY)
add_custom_command(OUTPUT ${YS_GENERATED}/changelog.Debian.gz
  COMMAND gzip -9 -n -k -f ${YS_GENERATED}/changelog.Debian
  DEPENDS ${YS_GENERATED}/changelog.Debian
  VERBATIM)
list(APPEND ys_package_files ${YS_GENERATED}/changelog.Debian.gz)
install(FILES ${YS_GENERATED}/changelog.Debian.gz ${YS_PACKAGING}/linux/copyright
              ${PROJECT_SOURCE_DIR}/README.md
        DESTINATION share/doc/yardstick)
# Tags that do not apply to a package made outside Debian, each with its reason.
install(FILES ${YS_PACKAGING}/linux/lintian-overrides DESTINATION share/lintian/overrides RENAME yardstick)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION share/doc/yardstick
        FILES_MATCHING PATTERN "*.md" PATTERN images EXCLUDE)

# The desktop application's entry, icons, metadata and page, when it is built.
if(TARGET yardstick)
  configure_file(${YS_PACKAGING}/linux/yardstick.1.in ${YS_GENERATED}/yardstick.1 @ONLY)
  add_custom_command(OUTPUT ${YS_GENERATED}/yardstick.1.gz
    COMMAND gzip -9 -n -k -f ${YS_GENERATED}/yardstick.1
    DEPENDS ${YS_GENERATED}/yardstick.1
    VERBATIM)
  list(APPEND ys_package_files ${YS_GENERATED}/yardstick.1.gz)
  install(FILES ${YS_GENERATED}/yardstick.1.gz DESTINATION share/man/man1)
  install(FILES ${YS_PACKAGING}/linux/yardstick.desktop DESTINATION share/applications)
  install(FILES ${YS_PACKAGING}/linux/org.example.yardstick.metainfo.xml DESTINATION share/metainfo)
  install(DIRECTORY ${YS_PACKAGING}/icons/hicolor DESTINATION share/icons)
endif()
add_custom_target(yardstick_package_files ALL DEPENDS ${ys_package_files})
if(YARDSTICK_TESTS)
  add_test(NAME man_page_cli COMMAND bash ${YS_PACKAGING}/linux/check-man-page.sh
           $<TARGET_FILE:yardstick-cli> ${YS_GENERATED}/yardstick-cli.1.gz)
  if(TARGET yardstick)
    add_test(NAME man_page_gui COMMAND bash ${YS_PACKAGING}/linux/check-man-page.sh - ${YS_GENERATED}/yardstick.1.gz)
  endif()
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME yardstick)
set(CPACK_PACKAGE_VENDOR "Yardstick developers")
set(CPACK_PACKAGE_CONTACT ${YS_DEB_MAINTAINER})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "data maturity assessments, benchmarks and roadmaps for councils")
set(CPACK_PACKAGE_DESCRIPTION [=[Yardstick helps UK councils measure how mature their use of data is and plan
what to do next: maturity questionnaires (answered in the application or in an
offline HTML form), scores against a maturity framework, comparison with peer
councils or departments, a costed resourcing roadmap of data roles, and
reports as PDF and accessible HTML.

The package holds the desktop application (yardstick), the command line
(yardstick-cli) and the shipped frameworks, questionnaires, report templates
and example answer files.]=])
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies from dpkg-shlibdeps; the PDF reports need the DejaVu fonts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS fonts-dejavu-core)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_STRIP_FILES ON)
include(CPack)
