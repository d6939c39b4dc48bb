# SPDX-License-Identifier: GPL-3.0-or-later
# portability.nsis_installer (see installer/CMakeLists.txt). Skipped (the "SKIP:" line) only
# when makensis is not installed (Debian package nsis).
# cmake -DSOURCE_DIR=<repository> -DWORK_DIR=<scratch> -P this
find_program(MAKENSIS makensis)
if(NOT MAKENSIS)
    message(FATAL_ERROR "SKIP: makensis is not installed (Debian package nsis)")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/portability/installer -B ${WORK_DIR}
            -DTIDINGS_SOURCE_DIR=${SOURCE_DIR}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the stand-in project does not configure")
endif()
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} -G NSIS --config ${WORK_DIR}/CPackConfig.cmake
    WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack -G NSIS failed: see ${WORK_DIR}/out/_CPack_Packages/*/NSIS/NSISOutput.log")
endif()
file(GLOB installer ${WORK_DIR}/out/Tidings-*.exe)
if(NOT installer)
    message(FATAL_ERROR "no installer made")
endif()
# What the installer does, as makensis compiled it (its verbose listing of every instruction):
# the values after CPack's escaping, not the text we wrote.
file(GLOB_RECURSE script ${WORK_DIR}/out/_CPack_Packages/*/project.nsi)
get_filename_component(script_dir ${script} DIRECTORY)
execute_process(COMMAND ${MAKENSIS} -V4 project.nsi WORKING_DIRECTORY ${script_dir}
    OUTPUT_VARIABLE listing ERROR_VARIABLE listing RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "makensis failed on the generated script:\n${listing}")
endif()
foreach(expected
        [[WriteRegStr: SHCTX\Software\Classes\Tidings.mailto\shell\open\command\="$INSTDIR\bin\tidings.exe" "%1"]]
        [[WriteRegStr: SHCTX\Software\Classes\Tidings.mailto\URL Protocol=]]
        [[WriteRegStr: SHCTX\Software\Tidings\Capabilities\URLAssociations\mailto=Tidings.mailto]]
        [[WriteRegStr: SHCTX\Software\RegisteredApplications\Tidings=Software\Tidings\Capabilities]]
        [[CreateShortcut: "$SMPROGRAMS\$STARTMENU_FOLDER\Tidings.lnk"->"$INSTDIR\bin\tidings.exe"]]
        [[CreateShortcut: "$SMPROGRAMS\$STARTMENU_FOLDER\Uninstall.lnk"->"$INSTDIR\Uninstall.exe"]]
        [[CreateShortcut: "$DESKTOP\Tidings.lnk"->"$INSTDIR\bin\tidings.exe"]]
        [[DeleteRegKey: SHCTX\Software\Classes\Tidings.mailto]]
        [[DeleteRegValue: SHCTX\Software\RegisteredApplications\Tidings]]
        [[Delete: "$SMPROGRAMS\$MUI_TEMP\Tidings.lnk"]])
    string(FIND "${listing}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the installer does not: ${expected}")
    endif()
endforeach()
# Warnings: only those of CPack's own template (select_NT_profile, unused with some options).
string(REGEX MATCHALL "warning [0-9]+:[^\n]*" warnings "${listing}")
list(FILTER warnings EXCLUDE REGEX "function \"(un\\.)?select_NT_profile\" not referenced")
if(warnings)
    message(FATAL_ERROR "makensis warns: ${warnings}")
endif()
message("made ${installer}")
