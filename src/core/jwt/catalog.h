// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Jwt {

// Plain-words explanations of registered header parameters (RFC 7515 §4.1,
// RFC 7797, RFC 7516) and claims (RFC 7519 §4.1, OpenID Connect, RFC 8693),
// translated; empty for names nobody registered.
QString explainHeaderParameter(const QString &name);
QString explainClaim(const QString &name);

} // namespace Jwt
