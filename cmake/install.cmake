# `cmake --install`: the public headers, libsnaplint (static and shared), the snaplint executable,
# a CMake package (find_package(snaplint CONFIG) -> snaplint::snaplint, snaplint::snaplint_static),
# a pkg-config file and the rule pages. Included from the top-level CMakeLists.txt after the
# targets exist. Every version number here is PROJECT_VERSION, from project() there.
include(CMakePackageConfigHelpers)

set(SNAPLINT_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/snaplint" CACHE STRING
    "Where the CMake package files go, relative to the prefix")
set(SNAPLINT_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig" CACHE STRING
    "Where snaplint.pc goes, relative to the prefix")
set(SNAPLINT_INSTALL_DOCDIR "${CMAKE_INSTALL_DATADIR}/doc/snaplint" CACHE STRING
    "Where README.md and the rule pages (rules/) go, relative to the prefix")

# Only the API: the engine's, the model's and the rules' headers stay inside the build, so
# nothing installed needs Boost, RapidJSON or valijson (tests/package/run.sh checks it).
set(snaplint_public_headers snaplint.hpp snaplint.h linter.hpp report.hpp result.hpp
                            diagnostic.hpp export.hpp)
list(TRANSFORM snaplint_public_headers PREPEND "${PROJECT_SOURCE_DIR}/lib/include/snaplint/")
install(FILES ${snaplint_public_headers}
              "${PROJECT_BINARY_DIR}/lib/generated/include/snaplint/version.hpp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/snaplint" COMPONENT snaplint_development)

# Both libraries are built from object files only, so their exported link interface is empty:
# Boost, RapidJSON and valijson are header-only and private to the objects.
install(TARGETS snaplint_static snaplint_shared EXPORT snaplintTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT snaplint_development
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT snaplint_runtime
                NAMELINK_COMPONENT snaplint_development)
# The executable links the static library: it needs nothing else from the prefix at run time.
install(TARGETS snaplint RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT snaplint_runtime)

install(EXPORT snaplintTargets NAMESPACE snaplint:: FILE snaplintTargets.cmake
        DESTINATION "${SNAPLINT_INSTALL_CMAKEDIR}" COMPONENT snaplint_development)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/snaplintConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/packaging/snaplintConfig.cmake"
  INSTALL_DESTINATION "${SNAPLINT_INSTALL_CMAKEDIR}")
# 0.x: a new minor version may break the API, so find_package(snaplint 0.1) accepts 0.1.* only.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/packaging/snaplintConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/packaging/snaplintConfig.cmake"
              "${PROJECT_BINARY_DIR}/packaging/snaplintConfigVersion.cmake"
        DESTINATION "${SNAPLINT_INSTALL_CMAKEDIR}" COMPONENT snaplint_development)

# pkg-config: paths relative to the .pc file's own directory, so that the tree still works when
# installed with `cmake --install build --prefix ELSEWHERE` (the prefix is chosen after configure).
if(IS_ABSOLUTE "${SNAPLINT_INSTALL_PKGCONFIGDIR}")
  set(SNAPLINT_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH SNAPLINT_PC_PREFIX "/prefix/${SNAPLINT_INSTALL_PKGCONFIGDIR}" "/prefix")
  string(REGEX REPLACE "/$" "" SNAPLINT_PC_PREFIX "\${pcfiledir}/${SNAPLINT_PC_PREFIX}")
endif()
foreach(dir IN ITEMS LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(SNAPLINT_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(SNAPLINT_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file("${PROJECT_SOURCE_DIR}/cmake/snaplint.pc.in"
               "${PROJECT_BINARY_DIR}/packaging/snaplint.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/packaging/snaplint.pc"
        DESTINATION "${SNAPLINT_INSTALL_PKGCONFIGDIR}" COMPONENT snaplint_development)

install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${SNAPLINT_INSTALL_DOCDIR}"
        COMPONENT snaplint_documentation)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/rules/" DESTINATION "${SNAPLINT_INSTALL_DOCDIR}/rules"
        COMPONENT snaplint_documentation FILES_MATCHING PATTERN "*.md")
