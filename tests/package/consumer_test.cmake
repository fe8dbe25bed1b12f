# CTest test package.consumer: installs the build tree into a fresh prefix, then configures,
# builds and runs tests/consumer/ against it with find_package(stratstab). Any failing step
# fails the test.
# cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DCXX_COMPILER=... -P consumer_test.cmake
foreach(var BUILD_DIR SOURCE_DIR WORK_DIR CXX_COMPILER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "consumer_test.cmake: ${var} not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}"
                OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
foreach(file lib/cmake/stratstab/stratstabConfig.cmake lib/cmake/stratstab/stratstabConfigVersion.cmake
             include/stratstab/version.hpp include/stratstab/weapon_effects.hpp)
  # GNUInstallDirs may put the library directory under lib64 or lib/<multiarch>; check the headers
  # strictly and the config files wherever they are.
  if(file MATCHES "^include/" AND NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "not installed: ${prefix}/${file}")
  endif()
endforeach()
file(GLOB_RECURSE configs "${prefix}/*/stratstabConfig.cmake")
if(NOT configs)
  message(FATAL_ERROR "no stratstabConfig.cmake under ${prefix}")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/tests/consumer" -B "${WORK_DIR}/build"
                        -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}"
                        "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/build" COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${WORK_DIR}/build/consumer" "${prefix}/share/stratstab/data"
                COMMAND_ERROR_IS_FATAL ANY)
