// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace gjd {

// "17.8.1-ee", "16.11.0-pre", "15.7.0": major.minor.patch plus a suffix.
struct GitLabVersion
{
    int major = 0;
    int minor = 0;
    int patch = 0;
    QString suffix;

    static std::optional<GitLabVersion> parse(const QString& text);
    QString toString() const;
    int compare(int maj, int min, int pat = 0) const;
    bool atLeast(int maj, int min, int pat = 0) const { return compare(maj, min, pat) >= 0; }
};

} // namespace gjd
