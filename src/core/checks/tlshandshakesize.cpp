// SPDX-License-Identifier: GPL-3.0-or-later
#include "tls/chainanalysis.h"
#include "tlscommon.h"

#include <algorithm>

namespace gjd {
namespace {

// Jira Cloud's JVM refuses handshake messages over 32768 bytes (jdk.tls.maxHandshakeMessageSize);
// OpenSSL clients (GitLab.com's Ruby, curl) refuse a certificate list over 100 KiB.
constexpr int kJavaLimit = 32768;
constexpr int kOpenSslLimit = 100 * 1024;

// tls.handshake_size: the size of the server's Certificate message, from the DER sizes of the
// certificates served (TLS 1.2: 4-byte header, 3-byte list length, 3 bytes per certificate;
// TLS 1.3 adds a context byte and 2 bytes of extensions per certificate).
class TlsHandshakeSizeCheck final
{
    Q_DECLARE_TR_FUNCTIONS(gjd::TlsHandshakeSizeCheck)

public:
    static void evaluate(const RunContext& ctx, Finding& f)
    {
        const TlsResult& tls = *ctx.tls;
        if (!tls.handshakeOk && tls.errorCode == QLatin1String("chain-too-large")) {
            tlscommon::setBothReject(f);
            f.evidence.insert(QStringLiteral("limit_bytes"), kOpenSslLimit);
            set(f, Status::Fail,
                tr("The server's certificate message is larger than about 100 KiB, more than OpenSSL "
                   "clients (GitLab.com) and Java (Jira Cloud) accept."),
                tr("Serve only the leaf and its intermediates (nginx ssl_certificate), and a leaf with a "
                   "reasonable number of names: a certificate with thousands of subject alternative names, "
                   "or a bundle of every CA certificate, is too large."));
            f.explains = tlscommon::tlsExplains();
            return;
        }
        if (!tls.handshakeOk || tls.servedSizes.isEmpty()) {
            set(f, Status::Skip, tr("Skipped: tls.handshake failed."));
            return;
        }
        const bool tls13 = tls.protocol == QLatin1String("TLSv1.3");
        qint64 total = 4 + 3 + (tls13 ? 1 : 0);
        for (int size : tls.servedSizes)
            total += 3 + size + (tls13 ? 2 : 0);
        const auto largest = std::max_element(tls.servedSizes.cbegin(), tls.servedSizes.cend());
        const int largestIndex = int(largest - tls.servedSizes.cbegin());
        f.evidence.insert(QStringLiteral("bytes"), total);
        f.evidence.insert(QStringLiteral("certificates"), int(tls.servedSizes.size()));
        f.evidence.insert(QStringLiteral("largest_bytes"), *largest);
        if (largestIndex < tls.chain.size())
            f.evidence.insert(QStringLiteral("largest"), tlscommon::name(tls.chain.at(largestIndex)));
        if (total <= kJavaLimit) {
            set(f, Status::Pass,
                tr("%1 bytes for %n certificate(s).", nullptr, int(tls.servedSizes.size())).arg(total));
            return;
        }
        // Which one is the reason: one certificate that alone takes most of it, or the count.
        QString why;
        if (*largest * 2 > total && largestIndex < tls.chain.size())
            why = tr("%1 alone takes %2 bytes (thousands of names?)")
                      .arg(tlscommon::name(tls.chain.at(largestIndex)))
                      .arg(*largest);
        else
            why = tr("%n certificates are served", nullptr, int(tls.servedSizes.size()));
        const bool manual = ctx.method != Method::Marketplace;
        tlscommon::setConsumers(f, total > kOpenSslLimit ? tlscommon::kReject : tlscommon::kAccept,
                                tlscommon::kReject);
        set(f, manual ? Status::Fail : Status::Warn,
            tr("The certificate message is %1 bytes, over the 32768 bytes Jira Cloud's Java accepts: %2.")
                .arg(total)
                .arg(why),
            tr("Serve only the leaf and its intermediates, and a leaf with fewer names (split the names over "
               "several certificates)."));
        f.explains = tlscommon::tlsExplains();
    }
};

} // namespace

namespace checks {

void tlsHandshakeSize(const RunContext& context, Finding& finding)
{
    TlsHandshakeSizeCheck::evaluate(context, finding);
}

} // namespace checks

} // namespace gjd
