# SPDX-License-Identifier: GPL-3.0-or-later
# GNU SASL's library for vmime's SASL support (upstream vcpkg has no port). Built with autotools
# through vcpkg's MSYS2 (vcpkg_configure_make wraps MSVC as it does for other GNU libraries).
# Only the built-in mechanisms: no GSSAPI/Kerberos, no NTLM (libntlm), no stringprep (libidn):
# Tidings' passwords go through SASLprep in the SCRAM code of its own auth client, and mail
# servers' PLAIN/LOGIN take the password as typed.
vcpkg_download_distfile(ARCHIVE
    URLS "https://ftp.gnu.org/gnu/gsasl/libgsasl-1.10.0.tar.gz"
    FILENAME "libgsasl-1.10.0.tar.gz"
    # Fill in on the first run: vcpkg prints the archive's SHA512 when this does not match.
    SHA512 0
)
vcpkg_extract_source_archive(SOURCE_PATH ARCHIVE "${ARCHIVE}")

vcpkg_configure_make(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        --disable-nls
        --disable-gssapi
        --disable-kerberos_v5
        --disable-ntlm
        --without-stringprep
        --disable-obsolete
)
vcpkg_install_make()
vcpkg_fixup_pkgconfig()
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug/include" "${CURRENT_PACKAGES_DIR}/debug/share"
     "${CURRENT_PACKAGES_DIR}/share/info")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/COPYING.LIB")
