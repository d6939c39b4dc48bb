# SPDX-License-Identifier: GPL-3.0-or-later
# VMime 0.9.2, the version Debian 12 ships and Tidings is written against (../shared/VMIME-NOTES).
# Upstream vcpkg has no vmime port. Differences from Debian's build, and why:
#   - TLS off: Tidings never lets vmime do TLS (QSslSocket under a plain vmime stream, for SNI,
#     pinning and Qt's certificate checks), so neither GnuTLS nor OpenSSL is linked into vmime.
#   - SASL on, through GNU SASL (the libgsasl overlay port beside this one): Net::MechanismChooser
#     derives from vmime::security::sasl::defaultSASLAuthenticator.
#   - Charsets through ICU (Debian: iconv); MSVC has no iconv, vcpkg's icu is the usual choice.
#   - Only POP3 and SMTP; no sendmail (POSIX), IMAP or maildir; no samples, tests or docs.
vcpkg_from_github(
    OUT_SOURCE_PATH SOURCE_PATH
    REPO kisli/vmime
    REF v0.9.2
    # Fill in on the first run: vcpkg prints the archive's SHA512 when this does not match.
    SHA512 0
    HEAD_REF master
)

if(VCPKG_LIBRARY_LINKAGE STREQUAL "dynamic")
    set(shared ON)
    set(static OFF)
else()
    set(shared OFF)
    set(static ON)
endif()

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DVMIME_BUILD_SHARED_LIBRARY=${shared}
        -DVMIME_BUILD_STATIC_LIBRARY=${static}
        -DVMIME_BUILD_SAMPLES=OFF
        -DVMIME_BUILD_TESTS=OFF
        -DVMIME_BUILD_DOCUMENTATION=OFF
        -DVMIME_SHARED_PTR_USE_CXX=ON
        -DVMIME_SHARED_PTR_USE_BOOST=OFF
        -DVMIME_CHARSETCONV_LIB=icu
        -DVMIME_HAVE_TLS_SUPPORT=OFF
        -DVMIME_HAVE_SASL_SUPPORT=ON
        -DVMIME_HAVE_MESSAGING_FEATURES=ON
        -DVMIME_HAVE_MESSAGING_PROTO_POP3=ON
        -DVMIME_HAVE_MESSAGING_PROTO_SMTP=ON
        -DVMIME_HAVE_MESSAGING_PROTO_IMAP=OFF
        -DVMIME_HAVE_MESSAGING_PROTO_MAILDIR=OFF
        -DVMIME_HAVE_MESSAGING_PROTO_SENDMAIL=OFF
        -DVMIME_HAVE_FILESYSTEM_FEATURES=ON
        -DVMIME_HAVE_MLANG_H=OFF
)
vcpkg_cmake_install()
vcpkg_copy_pdbs()
# vmime installs a pkg-config file (what src/net and src/mime read) and a CMake config.
vcpkg_fixup_pkgconfig()
if(EXISTS "${CURRENT_PACKAGES_DIR}/lib/cmake/vmime")
    vcpkg_cmake_config_fixup(CONFIG_PATH lib/cmake/vmime)
endif()
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug/include" "${CURRENT_PACKAGES_DIR}/debug/share")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/COPYING")
