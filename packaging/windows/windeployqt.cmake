# SPDX-License-Identifier: GPL-3.0-or-later
# At install time (cmake --install, and so cpack): windeployqt copies Qt's DLLs and the plugins
# Tidings loads (platforms/qwindows, styles, sqldrivers/qsqlite, tls/qopensslbackend,
# imageformats incl. SVG, Qt's own translations) next to tidings.exe; then every other DLL the
# programs link (vmime, gsasl, OpenSSL, Hunspell, QtKeychain, SQLite from vcpkg) is copied from
# vcpkg's bin folder, and the MSVC runtime with InstallRequiredSystemLibraries.
if(TARGET Qt6::windeployqt)
    get_target_property(TIDINGS_WINDEPLOYQT Qt6::windeployqt IMPORTED_LOCATION)
endif()
if(NOT TIDINGS_WINDEPLOYQT)
    # Qt before 6.5 kept it in qttools; vcpkg puts both in tools/Qt6/bin.
    get_target_property(qmake_location Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(qt_bin ${qmake_location} DIRECTORY)
    find_program(TIDINGS_WINDEPLOYQT windeployqt HINTS ${qt_bin} REQUIRED)
endif()

# vcpkg's DLLs: the toolchain names the installed tree.
set(TIDINGS_DLL_DIRS)
if(DEFINED VCPKG_INSTALLED_DIR AND DEFINED VCPKG_TARGET_TRIPLET)
    list(APPEND TIDINGS_DLL_DIRS ${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin)
endif()

install(CODE "
    set(bin \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
    execute_process(
        COMMAND \"${TIDINGS_WINDEPLOYQT}\" --release --no-compiler-runtime
                --no-system-d3d-compiler --no-opengl-sw
                \"\${bin}/tidings.exe\" \"\${bin}/tidings-cli.exe\"
        RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR \"windeployqt failed (\${rc})\")
    endif()
    file(GET_RUNTIME_DEPENDENCIES
        EXECUTABLES \"\${bin}/tidings.exe\" \"\${bin}/tidings-cli.exe\"
        RESOLVED_DEPENDENCIES_VAR found
        UNRESOLVED_DEPENDENCIES_VAR missing
        DIRECTORIES ${TIDINGS_DLL_DIRS}
        PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\"
        POST_EXCLUDE_REGEXES \".*[/\\\\\\\\][Ss]ystem32[/\\\\\\\\].*\")
    file(INSTALL \${found} DESTINATION \"\${bin}\")
    if(missing)
        message(WARNING \"DLLs not found (not shipped): \${missing}\")
    endif()
" COMPONENT tidings)

# The MSVC runtime (vcruntime, msvcp) beside the programs.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT tidings)
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
include(InstallRequiredSystemLibraries)
