# The installed CMake package: `find_package(stratstab)` gives the target stratstab::core (the
# library, its public headers under include/stratstab/ and the generated version.hpp).
# tests/consumer/ is a project built against the installed package by the CTest test
# package.consumer (tests/package/consumer_test.cmake).
include(CMakePackageConfigHelpers)

install(TARGETS stratstab_core EXPORT stratstabTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/stratstab DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/stratstab/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/stratstab)

set(STRATSTAB_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/stratstab)
install(EXPORT stratstabTargets NAMESPACE stratstab:: FILE stratstabTargets.cmake
        DESTINATION ${STRATSTAB_INSTALL_CMAKEDIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/stratstabConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/stratstabConfig.cmake
                              INSTALL_DESTINATION ${STRATSTAB_INSTALL_CMAKEDIR})
# The API is not stable before 1.0: a consumer asking for 0.1 must get 0.1.x.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/stratstabConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/stratstabConfig.cmake ${PROJECT_BINARY_DIR}/stratstabConfigVersion.cmake
        DESTINATION ${STRATSTAB_INSTALL_CMAKEDIR})

# The consumer test (not in the sanitizer build: a consumer of an instrumented static library would
# need the sanitizer runtimes on its own link line).
if(STRATSTAB_BUILD_TESTS AND NOT STRATSTAB_SANITIZE)
  add_test(NAME package.consumer
           COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
                   -DWORK_DIR=${PROJECT_BINARY_DIR}/package-consumer -DCXX_COMPILER=${CMAKE_CXX_COMPILER}
                   -P ${PROJECT_SOURCE_DIR}/tests/package/consumer_test.cmake)
  set_tests_properties(package.consumer PROPERTIES LABELS package TIMEOUT 300)
endif()
