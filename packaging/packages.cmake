# SPDX-License-Identifier: GPL-3.0-or-later
# Two Debian/RPM packages through CPack, one per install component:
#   tidings        (COMPONENT tidings) the app, tidings-cli, desktop integration, man pages
#   tidings-authd  (COMPONENT authd)   the server, its systemd unit and settings file
# Build them with the package preset (prefix /usr, so the settings land in /etc):
#   cmake --preset package && cmake --build --preset package && cpack --config build/package/CPackConfig.cmake -B build/package/out
# scripts/package-test does that and installs them in a fresh Debian root.
set(TIDINGS_PACKAGE_RELEASE 1)
set(TIDINGS_DEB_VERSION ${PROJECT_VERSION}-${TIDINGS_PACKAGE_RELEASE})

# Linux only (packaging/CMakeLists.txt); Windows has packaging/windows.
# What Debian wants in /usr/share/doc/<package>: the licence summary and the changelog.
configure_file(${CMAKE_CURRENT_LIST_DIR}/debian/changelog.in
               ${CMAKE_CURRENT_BINARY_DIR}/changelog @ONLY)
execute_process(COMMAND gzip -9nc ${CMAKE_CURRENT_BINARY_DIR}/changelog
                OUTPUT_FILE ${CMAKE_CURRENT_BINARY_DIR}/changelog.Debian.gz
                COMMAND_ERROR_IS_FATAL ANY)
set(components tidings authd)
set(packages tidings tidings-authd)
foreach(component package IN ZIP_LISTS components packages)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/debian/copyright
                  ${CMAKE_CURRENT_BINARY_DIR}/changelog.Debian.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()
# Maintainer scripts must carry these exact names in the control archive.
set(control ${CMAKE_CURRENT_BINARY_DIR}/authd-control)
foreach(script postinst prerm postrm)
    configure_file(${CMAKE_CURRENT_LIST_DIR}/debian/tidings-authd.${script} ${control}/${script} COPYONLY)
endforeach()
file(WRITE ${control}/conffiles "${CMAKE_INSTALL_FULL_SYSCONFDIR}/tidings-authd/tidings-authd.conf\n")

set(CPACK_PACKAGE_NAME tidings)
set(CPACK_PACKAGE_VENDOR "Tidings developers")
set(CPACK_PACKAGE_CONTACT "Tidings developers <dev@tidings.invalid>")
# CPack's own default summary: CPackDeb puts any other (PROJECT_DESCRIPTION otherwise) before each
# package's synopsis, the first line of its CPACK_DEBIAN_<COMPONENT>_DESCRIPTION.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGE_DESCRIPTION "POP3 mail client, JWT inspector and their authentication server")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL tidings authd)
set(CPACK_COMPONENT_TIDINGS_DISPLAY_NAME "Tidings")
set(CPACK_COMPONENT_AUTHD_DISPLAY_NAME "tidings-authd")

# Debian
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${TIDINGS_PACKAGE_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
set(CPACK_DEBIAN_TIDINGS_PACKAGE_NAME tidings)
set(CPACK_DEBIAN_TIDINGS_PACKAGE_SECTION mail)
# Plugins are loaded, not linked, so dpkg-shlibdeps cannot see them: the message store's SQLite
# driver, the X11/Wayland platform plugins and the SVG icons.
set(CPACK_DEBIAN_TIDINGS_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_TIDINGS_PACKAGE_RECOMMENDS
    "gnome-keyring | kwalletmanager | keepassxc, hunspell-en-us | hunspell-dictionary, qt6-translations-l10n, fonts-noto-cjk")
set(CPACK_DEBIAN_TIDINGS_DESCRIPTION "POP3 mail client and JWT inspector
Tidings reads POP3 mail (plain, STLS, POP3S) into a durable local store,
shows it safely (remote content blocked, attachments kept in their folder),
writes HTML or plain-text mail with attachments and sends it over SMTP,
and inspects, explains and verifies JSON Web Tokens. tidings-cli offers the
same engines on the command line.")
set(CPACK_DEBIAN_AUTHD_PACKAGE_NAME tidings-authd)
set(CPACK_DEBIAN_AUTHD_PACKAGE_SECTION net)
# adduser: the maintainer scripts create the system user. SQLite driver: the default database.
set(CPACK_DEBIAN_AUTHD_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_AUTHD_PACKAGE_SUGGESTS "libqt6sql6-psql, haproxy")
set(CPACK_DEBIAN_AUTHD_DESCRIPTION "authentication server for Tidings (TAP/1, SCRAM-SHA-256)
tidings-authd authenticates Tidings users with SCRAM-SHA-256 over the TAP/1
protocol and answers with signed JWT session tokens (Ed25519). It runs as a
hardened systemd service with its data in /var/lib/tidings-authd; several
instances can share a PostgreSQL database behind HAProxy.")
set(CPACK_DEBIAN_AUTHD_PACKAGE_CONTROL_EXTRA
    ${control}/postinst ${control}/prerm ${control}/postrm ${control}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# RPM (rpmbuild from Debian's rpm package works here; the packages target RPM distributions)
set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE ${TIDINGS_PACKAGE_RELEASE})
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_RPM_PACKAGE_AUTOREQPROV ON)
# Not relocatable: the settings live in /etc and the unit in /usr/lib/systemd.
set(CPACK_PACKAGE_RELOCATABLE OFF)
set(CPACK_RPM_TIDINGS_PACKAGE_NAME tidings)
set(CPACK_RPM_TIDINGS_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_TIDINGS_PACKAGE_SUMMARY "POP3 mail client and JWT inspector")
set(CPACK_RPM_TIDINGS_PACKAGE_DESCRIPTION ${CPACK_DEBIAN_TIDINGS_DESCRIPTION})
set(CPACK_RPM_AUTHD_PACKAGE_NAME tidings-authd)
set(CPACK_RPM_AUTHD_PACKAGE_GROUP "System Environment/Daemons")
set(CPACK_RPM_AUTHD_PACKAGE_SUMMARY "Authentication server for Tidings (TAP/1, SCRAM-SHA-256)")
set(CPACK_RPM_AUTHD_PACKAGE_DESCRIPTION ${CPACK_DEBIAN_AUTHD_DESCRIPTION})
set(CPACK_RPM_AUTHD_PACKAGE_REQUIRES_PRE "shadow-utils")
set(CPACK_RPM_AUTHD_PACKAGE_REQUIRES_POST "systemd")
set(CPACK_RPM_AUTHD_PACKAGE_REQUIRES_PREUN "systemd")
set(CPACK_RPM_AUTHD_PACKAGE_REQUIRES_POSTUN "systemd")
set(CPACK_RPM_AUTHD_PRE_INSTALL_SCRIPT_FILE ${CMAKE_CURRENT_LIST_DIR}/rpm/tidings-authd.pre)
set(CPACK_RPM_AUTHD_POST_INSTALL_SCRIPT_FILE ${CMAKE_CURRENT_LIST_DIR}/rpm/tidings-authd.post)
set(CPACK_RPM_AUTHD_PRE_UNINSTALL_SCRIPT_FILE ${CMAKE_CURRENT_LIST_DIR}/rpm/tidings-authd.preun)
set(CPACK_RPM_AUTHD_POST_UNINSTALL_SCRIPT_FILE ${CMAKE_CURRENT_LIST_DIR}/rpm/tidings-authd.postun)
set(CPACK_RPM_AUTHD_USER_FILELIST
    "%config(noreplace) ${CMAKE_INSTALL_FULL_SYSCONFDIR}/tidings-authd/tidings-authd.conf")
# Directories owned by the filesystem/systemd packages, not by ours.
list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
     /etc /usr/lib/systemd /usr/lib/systemd/system /usr/share/applications /usr/share/metainfo
     /usr/share/icons /usr/share/icons/hicolor /usr/share/man /usr/share/man/man1 /usr/share/man/man8
     /usr/share/bash-completion /usr/share/bash-completion/completions /usr/share/doc
     /usr/share/icons/hicolor/scalable /usr/share/icons/hicolor/scalable/apps)
foreach(size 16 22 24 32 48 64 128 256 512)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
         /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()

if(NOT CPACK_GENERATOR)
    set(CPACK_GENERATOR DEB)
endif()
include(CPack)
