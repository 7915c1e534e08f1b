// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz target of the certificate chain analysis: ChainAnalysis::analyze over the certificates
// a server sends (any number, in any order, whatever they hold), inspectCertificate on each and
// hostMatchesCertificate against their names. Linked with libFuzzer when GJD_FUZZ is on
// (scripts/fuzz.sh --target chain_analysis), and with replay_main.cpp in every test build.
//
// The input is a control byte, then the certificates: PEM when the input holds "-----BEGIN",
// else a sequence of DER certificates, each after its length in two bytes (big-endian; the last
// one takes what is left). What Qt cannot read is left out, as a TLS handshake would fail on it.
//
//   control bits 0-1   the last 0-3 certificates go to the trust store instead of being served
//           bits 2-3   the 0-3 before them go to the extra CAs (--ca-file)
//           bit 4      without the fixed trust store (fuzzpki.h: root, rsaRoot)
//           bit 5      without the fixed extra CA (fuzzpki.h: privateRoot)
//           bits 6-7   the host matched: gitlab.test, www.gitlab.test, 127.0.0.1, ::1
//
// Besides crashes, leaks and sanitizer reports, it aborts on what would be a silent bug:
//   - analysed certificates that are not the served ones, leaf first (the analysis may cut a
//     long list, ChainAnalysis::maxServed); a path that does not start at the leaf, repeats a
//     certificate, or holds more than the 16 it promises; analysed certificates not split
//     exactly into path, anchor and extra;
//   - an anchor that is not in the trust source it names, or is missing when one is named;
//   - pathCertificates() not the path plus the anchor; a missing issuer that is not one line;
//   - a self-signed leaf according to inspectCertificate that the analysis does not see;
//   - a certificate that does not match its own names: each dNSName (a wildcard with a label
//     put in), each iPAddress; a match "by common name" for a certificate that has a SAN.
// It must also finish within libFuzzer's -timeout whatever the number of certificates: the
// analysis runs on every check of a server, before any finding is shown.

#include "fuzzcheck.h"
#include "fuzzpki.h"
#include "tls/chainanalysis.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QMultiMap>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>

using gjd::ChainAnalysis;

namespace {

constexpr int kHostChecks = 8; // certificates whose names are matched (the others are only analysed)

[[noreturn]] void fail(const char* what, const QString& detail)
{
    gjd::fuzz::fail("fuzz_chain_analysis", what, detail);
}

QString describe(const ChainAnalysis& a)
{
    QStringList path;
    for (const int i : a.path)
        path.append(QString::number(i));
    QStringList extra;
    for (const int i : a.extra)
        extra.append(QString::number(i));
    return QStringLiteral(
               "%1 served, path [%2], extra [%3], anchor %4 (served index %5), self-signed leaf %6, "
               "too long %7, missing issuer \"%8\"")
        .arg(QString::number(a.served.size()), path.join(QLatin1Char(' ')), extra.join(QLatin1Char(' ')),
             QString::number(int(a.anchor)), QString::number(a.anchorServedIndex),
             QString::number(a.selfSignedLeaf), QString::number(a.pathTooLong), a.missingIssuer);
}

QList<QSslCertificate> certificatesOf(const QByteArray& bytes)
{
    if (bytes.contains("-----BEGIN"))
        return QSslCertificate::fromData(bytes, QSsl::Pem);
    QList<QSslCertificate> out;
    qsizetype at = 0;
    while (bytes.size() - at >= 2) {
        const qsizetype length = std::min<qsizetype>((uint8_t(bytes.at(at)) << 8) | uint8_t(bytes.at(at + 1)),
                                                     bytes.size() - at - 2);
        at += 2;
        const QSslCertificate certificate(bytes.mid(at, length), QSsl::Der);
        if (!certificate.isNull())
            out.append(certificate);
        at += length;
    }
    return out;
}

void checkAnalysis(const ChainAnalysis& a, const QList<QSslCertificate>& served,
                   const QList<QSslCertificate>& trustStore, const QList<QSslCertificate>& extraCas)
{
    // The analysis may look at the first certificates only (ChainAnalysis::maxServed), never at none.
    if (a.served != served.mid(0, a.served.size()) || (a.served.isEmpty() && !served.isEmpty()))
        fail("the analysis does not hold the served certificates, leaf first:", describe(a));
    if (a.served.isEmpty()) {
        if (!a.path.isEmpty() || a.anchor != ChainAnalysis::Anchor::None)
            fail("a path without served certificates:", describe(a));
        return;
    }
    const int n = int(a.served.size());
    if (a.path.isEmpty() || a.path.first() != 0)
        fail("the path does not start at the leaf:", describe(a));
    if (a.path.size() > 17)
        fail("the path is longer than the 16 certificates analysed:", describe(a));
    if (a.anchorServedIndex < -1 || a.anchorServedIndex >= n)
        fail("the anchor's served index is out of range:", describe(a));

    QList<int> seen(n, 0);
    for (const int i : a.path) {
        if (i < 0 || i >= n)
            fail("a path index is out of range:", describe(a));
        ++seen[i];
    }
    for (const int i : a.extra) {
        if (i < 0 || i >= n)
            fail("an extra index is out of range:", describe(a));
        ++seen[i];
    }
    if (a.anchorServedIndex >= 0 && !a.selfSignedLeaf)
        ++seen[a.anchorServedIndex];
    for (int i = 0; i < n; ++i) {
        if (seen.at(i) != 1)
            fail("the served certificates are not split exactly into path, anchor and extra:",
                 QStringLiteral("certificate %1 counted %2 times; ").arg(i).arg(seen.at(i)) + describe(a));
    }

    if (a.selfSignedLeaf && (a.path != QList<int>{0} || a.anchorServedIndex != 0))
        fail("a self-signed leaf with another path or anchor:", describe(a));
    if ((a.anchor == ChainAnalysis::Anchor::None) != a.anchorCertificate.isNull())
        fail("an anchor certificate without an anchor, or the other way round:", describe(a));
    switch (a.anchor) {
    case ChainAnalysis::Anchor::None:
        break;
    case ChainAnalysis::Anchor::TrustStore:
        if (!trustStore.contains(a.anchorCertificate))
            fail("the anchor is said to be in the trust store but is not:", describe(a));
        break;
    case ChainAnalysis::Anchor::ExtraCa:
        if (!extraCas.contains(a.anchorCertificate))
            fail("the anchor is said to be an extra CA but is not:", describe(a));
        break;
    case ChainAnalysis::Anchor::UntrustedRoot:
        if (a.anchorServedIndex < 0 || a.served.at(a.anchorServedIndex) != a.anchorCertificate)
            fail("an untrusted root that was not served:", describe(a));
        break;
    }
    if ((a.pathTooLong || a.missingIssuerInCaFile) && a.anchor != ChainAnalysis::Anchor::None)
        fail("a complete path that is too long or misses an issuer:", describe(a));
    if (!gjd::fuzz::isOneLineOfText(a.missingIssuer))
        fail("the missing issuer is not one line of text:", describe(a));

    const qsizetype expected =
        a.path.size() + (a.anchor != ChainAnalysis::Anchor::None && !a.selfSignedLeaf ? 1 : 0);
    if (a.pathCertificates().size() != expected)
        fail("pathCertificates() is not the path and the anchor:", describe(a));
}

// The certificate's dNSName entries as raw bytes, only those made of letters, digits, hyphens,
// dots and '*': a name with a control character or an embedded NUL is not a host name, and
// OpenSSL's X509_check_host (which hostMatchesCertificate uses, as the clients do) rightly
// refuses it, while QSslCertificate shows it with the character dropped ("*.g\rtlab.test" reads
// "*.gtlab.test").
QStringList plainDnsNames(const QSslCertificate& certificate)
{
    QStringList out;
    const QByteArray der = certificate.toDer();
    const auto* data = reinterpret_cast<const unsigned char*>(der.constData());
    X509* x = d2i_X509(nullptr, &data, der.size());
    if (!x)
        return out;
    auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
        if (name->type != GEN_DNS)
            continue;
        const QByteArray raw(reinterpret_cast<const char*>(ASN1_STRING_get0_data(name->d.dNSName)),
                             ASN1_STRING_length(name->d.dNSName));
        const bool plain = !raw.isEmpty() && std::all_of(raw.cbegin(), raw.cend(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                   c == '.' || c == '*';
        });
        if (plain)
            out.append(QString::fromLatin1(raw));
    }
    GENERAL_NAMES_free(names);
    X509_free(x);
    return out;
}

void checkNames(const QSslCertificate& certificate)
{
    const QMultiMap<QSsl::AlternativeNameEntryType, QString> sans = certificate.subjectAlternativeNames();
    const auto mustMatch = [&certificate](const QString& host, const QString& name) {
        bool byCommonName = true;
        if (!gjd::hostMatchesCertificate(host, certificate, &byCommonName) || byCommonName)
            fail("a certificate does not match its own name:",
                 QLatin1Char('"') + host + QStringLiteral("\" for SAN \"") + name + QLatin1Char('"'));
    };
    for (const QString& name : plainDnsNames(certificate)) {
        QString host = name;
        if (host.startsWith(QLatin1String("*.")) && host.count(QLatin1Char('*')) == 1 &&
            host.mid(2).contains(QLatin1Char('.')))
            host.replace(0, 1, QStringLiteral("www"));
        QString bare = host;
        if (bare.endsWith(QLatin1Char('.')))
            bare.chop(1);
        // Names with another wildcard, names that are empty without their dot and names that read
        // as an address (matched against iPAddress entries only) are not the certificate's host names.
        if (host.contains(QLatin1Char('*')) || bare.isEmpty() || !QHostAddress(host).isNull())
            continue;
        mustMatch(host, name);
    }
    for (const QString& ip : sans.values(QSsl::IpAddressEntry)) {
        if (!QHostAddress(ip).isNull())
            mustMatch(ip, ip);
    }
}

void checkHost(const QString& host, const QSslCertificate& certificate)
{
    bool byCommonName = false;
    const bool matches = gjd::hostMatchesCertificate(host, certificate, &byCommonName);
    if (byCommonName && (!matches || !certificate.subjectAlternativeNames().isEmpty()))
        fail("a match by common name for a certificate with a SAN, or without a match:", host);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    qInstallMessageHandler(gjd::fuzz::dropMessage);
    // Qt's TLS backend (QSslCertificate) expects an application object; kept for the whole run.
    static QCoreApplication* const app = new QCoreApplication(*argc, *argv);
    Q_UNUSED(app);
    gjd::fuzz::fuzzPki(); // built before the first input, so that it does not count against -timeout
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t control = data[0];
    QList<QSslCertificate> served =
        certificatesOf(QByteArray::fromRawData(reinterpret_cast<const char*>(data) + 1, qsizetype(size) - 1));

    const gjd::fuzz::FuzzPki& pki = gjd::fuzz::fuzzPki();
    QList<QSslCertificate> trustStore = (control & 0x10) ? QList<QSslCertificate>() : pki.trustStore();
    QList<QSslCertificate> extraCas = (control & 0x20) ? QList<QSslCertificate>() : pki.extraCas();
    for (int i = control & 3; i > 0 && !served.isEmpty(); --i)
        trustStore.append(served.takeLast());
    for (int i = (control >> 2) & 3; i > 0 && !served.isEmpty(); --i)
        extraCas.append(served.takeLast());

    const ChainAnalysis analysis = ChainAnalysis::analyze(served, trustStore, extraCas);
    checkAnalysis(analysis, served, trustStore, extraCas);

    static const QStringList hosts{QStringLiteral("gitlab.test"), QStringLiteral("www.gitlab.test"),
                                   QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    const QString host = hosts.at(control >> 6);
    for (qsizetype i = 0; i < served.size(); ++i) {
        const gjd::CertificateCrypto crypto = gjd::inspectCertificate(served.at(i));
        if (i == 0 && crypto.selfSigned != analysis.selfSignedLeaf)
            fail("inspectCertificate and the analysis disagree on a self-signed leaf:", describe(analysis));
        if (i < kHostChecks) {
            checkNames(served.at(i));
            checkHost(host, served.at(i));
        }
    }
    return 0;
}
