# SPDX-License-Identifier: GPL-3.0-or-later
# The Windows installer through CPack's NSIS generator (cpack -G NSIS): Start-menu entries for
# Tidings and its uninstaller, an optional desktop shortcut and tidings-cli on PATH (the
# "Install options" page), the mailto: registration of mailto.nsh, and an uninstaller that
# removes all of it. The settings and mail under %APPDATA% stay (they are the user's).
set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_NAME Tidings)
set(CPACK_PACKAGE_VENDOR Tidings)
set(CPACK_PACKAGE_INSTALL_DIRECTORY Tidings)
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY Tidings)
set(CPACK_NSIS_PACKAGE_NAME "Tidings ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME Tidings)
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\tidings.exe")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Start menu: "Tidings" (tidings.exe) and CPack's own "Uninstall Tidings".
set(CPACK_PACKAGE_EXECUTABLES tidings Tidings)
# The options page: tidings-cli on PATH, and a desktop shortcut when ticked there.
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_CREATE_DESKTOP_LINKS tidings)
# Only the application: tidings-authd is a Linux service (src/CMakeLists.txt).
set(CPACK_COMPONENTS_ALL tidings)
set(CPACK_COMPONENT_TIDINGS_DISPLAY_NAME Tidings)
set(CPACK_COMPONENT_TIDINGS_REQUIRED ON)
if(EXISTS ${PROJECT_SOURCE_DIR}/LICENSE)
    set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
endif()

# mailto: (mailto.nsh). Single quotes and forward slashes (makensis takes both) keep the text
# clear of CPack's extra round of unescaping; "\\\\" is one backslash in the installer.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
    !include '${CMAKE_CURRENT_LIST_DIR}/mailto.nsh'
    !insertmacro TidingsRegisterMailto '$INSTDIR\\\\bin\\\\tidings.exe'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
    !include '${CMAKE_CURRENT_LIST_DIR}/mailto.nsh'
    !insertmacro TidingsUnregisterMailto")
