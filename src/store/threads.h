// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace Store {

// One message of a list as threading sees it: Schema::threadKey() of its Message-ID, of its
// parent (last of References, else In-Reply-To) and of its thread's root (first of References);
// 0 where absent.
struct ThreadLink
{
    qint64 id = 0;
    qint64 key = 0;
    qint64 parent = 0;
    qint64 root = 0;
};

struct ThreadedRow
{
    qint64 id = 0;
    int depth = 0; // 0: a thread's first message (or a message outside any thread)
};

// Replies under their parent, depth first. links come in the list's order, which orders the
// threads and the replies of each message alike. A reply whose parent is not in the list
// goes under the thread's root when that is; a message whose ancestry loops becomes a root.
// Every message appears exactly once.
std::vector<ThreadedRow> threadOrder(const std::vector<ThreadLink> &links);

} // namespace Store
