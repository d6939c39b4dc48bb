// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to tidings_net (names vmime types).
#include <vmime/security/sasl/SASLMechanism.hpp>
#include <vmime/security/sasl/defaultSASLAuthenticator.hpp>

namespace Net {

// The strongest SASL mechanism the server offers that we accept. gsasl may offer more (the
// *-PLUS ones need channel binding vmime cannot give: VMIME-NOTES). Without encryption only
// those that never carry the password itself (unless the user allowed it). One only: vmime
// tries the next after a refusal, and a wrong password would count as several failures
// against the account's lockout.
class MechanismChooser : public vmime::security::sasl::defaultSASLAuthenticator
{
public:
    explicit MechanismChooser(bool passwordMayTravel = true)
        : m_passwordMayTravel(passwordMayTravel)
    {}
    const std::vector<std::shared_ptr<vmime::security::sasl::SASLMechanism>> getAcceptableMechanisms(
        const std::vector<std::shared_ptr<vmime::security::sasl::SASLMechanism>> &available,
        std::shared_ptr<vmime::security::sasl::SASLMechanism>) const override
    {
        std::vector<std::shared_ptr<vmime::security::sasl::SASLMechanism>> out;
        for (const char *name : {"SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5", "PLAIN", "LOGIN"}) {
            const std::string n(name);
            if (!m_passwordMayTravel && (n == "PLAIN" || n == "LOGIN"))
                continue;
            for (const auto &m : available)
                if (m->getName() == n && out.empty())
                    out.push_back(m);
        }
        return out;
    }
    static bool isAcceptable(const std::string &name, bool passwordMayTravel)
    {
        for (const char *n : {"SCRAM-SHA-256", "SCRAM-SHA-1", "CRAM-MD5"})
            if (name == n)
                return true;
        return passwordMayTravel && (name == "PLAIN" || name == "LOGIN");
    }

private:
    bool m_passwordMayTravel;
};

} // namespace Net
