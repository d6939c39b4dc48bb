# SPDX-License-Identifier: GPL-3.0-or-later
# tidings-authd as a service (Linux only: the server runs on epoll): the systemd unit and the
# commented settings file. The system user, /var/lib/tidings-authd and enabling the unit are the
# package scripts' work (packaging/debian/tidings-authd.*, packaging/rpm/tidings-authd.*).
if(WIN32)
    return()
endif()
include(GNUInstallDirs)
# /usr/lib/systemd/system whatever the prefix's lib directory is called (Debian's multiarch).
install(FILES ${CMAKE_CURRENT_LIST_DIR}/tidings-authd.service
        DESTINATION ${CMAKE_INSTALL_PREFIX}/lib/systemd/system COMPONENT authd)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/tidings-authd.conf
        DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/tidings-authd COMPONENT authd)
