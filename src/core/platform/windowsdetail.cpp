// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsdetail_p.h"

namespace Platform::WindowsDetail {

namespace {
// wincon.h's values, so that this file needs no Windows header.
constexpr unsigned long kCtrlC = 0;
constexpr unsigned long kCtrlBreak = 1;
constexpr unsigned long kCtrlClose = 2;
constexpr unsigned long kCtrlLogoff = 5;
constexpr unsigned long kCtrlShutdown = 6;
} // namespace

std::string ownerOnlySddl(const std::string &userSid, bool directory)
{
    // D:P = protected DACL (the parent's entries do not flow in); FA = file all access;
    // OICI = inherited by files (OI) and folders (CI) made inside.
    const std::string flags = directory ? "OICI" : "";
    return "D:P(A;" + flags + ";FA;;;" + userSid + ")(A;" + flags + ";FA;;;SY)";
}

ConsoleAction consoleAction(unsigned long event)
{
    switch (event) {
    case kCtrlC:
    case kCtrlBreak:
        return {true, true}; // as SIGINT: cancel, keep what is stored consistent
    case kCtrlClose:
    case kCtrlLogoff:
    case kCtrlShutdown:
        // As SIGTERM, but Windows ends the process once the handler returns whatever it
        // says: raise the flag and let the default handler go on.
        return {true, false};
    default:
        return {};
    }
}

std::wstring widePath(const std::filesystem::path &path)
{
#ifdef _WIN32
    return path.native();
#else
    const std::u8string utf8 = path.u8string();
    std::wstring out;
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned char lead = utf8[i];
        const int extra = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
        char32_t c = extra == 0 ? lead : lead & (0x3F >> extra);
        for (int k = 1; k <= extra && i + k < utf8.size(); ++k)
            c = (c << 6) | (char32_t(utf8[i + k]) & 0x3F);
        out += wchar_t(c);
        i += std::size_t(extra) + 1;
    }
    return out;
#endif
}

std::string asciiFromWide(const std::wstring &text)
{
    std::string out;
    out.reserve(text.size());
    for (const wchar_t c : text)
        out += c < 0x80 ? char(c) : '?';
    return out;
}

std::wstring wideFromAscii(const std::string &text)
{
    std::wstring out;
    out.reserve(text.size());
    for (const char c : text)
        out += wchar_t(static_cast<unsigned char>(c));
    return out;
}

} // namespace Platform::WindowsDetail
