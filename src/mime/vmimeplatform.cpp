// SPDX-License-Identifier: GPL-3.0-or-later
// vmime's platform handler, the one place that picks it per system: posixHandler on Linux,
// windowsHandler on Windows (vmime built for Windows has no posixHandler at all).
#include "messageview.h"

#ifdef _WIN32
#include <vmime/platforms/windows/windowsHandler.hpp>
#else
#include <vmime/platforms/posix/posixHandler.hpp>
#endif
#include <vmime/vmime.hpp>

#include <mutex>

namespace Mime {

namespace {
#ifdef _WIN32
using SystemHandler = vmime::platforms::windows::windowsHandler;
#else
using SystemHandler = vmime::platforms::posix::posixHandler;
#endif

// vmime puts the local host name into what it generates (VMIME-NOTES #235): never ours.
class PrivatePlatform : public SystemHandler
{
public:
    const vmime::string getHostName() const override { return "localhost"; }
};
} // namespace

void initialize()
{
    // Once: replacing the handler while another thread uses vmime would free it under that thread.
    static std::once_flag once;
    std::call_once(once, [] { vmime::platform::setHandler<PrivatePlatform>(); });
}

} // namespace Mime
