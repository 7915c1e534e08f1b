// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QCoreApplication>
#include <QString>

namespace gjd {

// A report as HTML. findingHtml() is one check's details in the rich-text subset QTextBrowser
// renders (the desktop program's details pane uses it); format() is the self-contained page of a
// troubleshooting export, which is opened offline, often by someone other than its author: it
// loads nothing (a Content-Security-Policy forbids it in case anything slips through), runs
// nothing, and every piece of server or finding text in it is escaped.
class HtmlFormatter
{
    Q_DECLARE_TR_FUNCTIONS(gjd::HtmlFormatter)

public:
    static QString format(const Report& report);
    // The certificate chain of TLS findings comes from the report's certificates and from
    // tls.chain.complete's evidence.
    static QString findingHtml(const Finding& finding, const Report& report);

private:
    static QString chainHtml(const Finding& finding, const Report& report);
};

} // namespace gjd
