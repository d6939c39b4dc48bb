# SPDX-License-Identifier: GPL-3.0-or-later
# Windows packaging: Qt and the other DLLs next to the programs at install time, then an NSIS
# installer through CPack. Included by packaging/CMakeLists.txt when WIN32, before CPack.
include(${CMAKE_CURRENT_LIST_DIR}/windeployqt.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/nsis.cmake)
