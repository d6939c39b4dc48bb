// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Cli {

// tidings-cli smtp send: stored messages (.eml) through an SMTP submission server.
int runSmtpCommand(const QStringList &arguments);

} // namespace Cli
