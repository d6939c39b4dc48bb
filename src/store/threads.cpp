// SPDX-License-Identifier: GPL-3.0-or-later
#include "threads.h"

#include <unordered_map>

namespace Store {

std::vector<ThreadedRow> threadOrder(const std::vector<ThreadLink> &links)
{
    const int n = int(links.size());
    std::unordered_map<qint64, int> byKey;
    byKey.reserve(links.size());
    for (int i = 0; i < n; ++i)
        if (links[i].key != 0)
            byKey.emplace(links[i].key, i); // the first copy of a duplicated Message-ID wins
    auto find = [&](qint64 key, int self) {
        if (key == 0)
            return -1;
        const auto it = byKey.find(key);
        return it == byKey.end() || it->second == self ? -1 : it->second;
    };
    std::vector<int> parent(n);
    for (int i = 0; i < n; ++i) {
        parent[i] = find(links[i].parent, i);
        if (parent[i] < 0)
            parent[i] = find(links[i].root, i);
    }
    // Children in list order, as one array of n entries (counting sort by parent).
    std::vector<int> first(n + 1, 0);
    for (int i = 0; i < n; ++i)
        if (parent[i] >= 0)
            ++first[parent[i] + 1];
    for (int i = 0; i < n; ++i)
        first[i + 1] += first[i];
    std::vector<int> children(first[n]);
    std::vector<int> fill(first.begin(), first.end() - 1);
    for (int i = 0; i < n; ++i)
        if (parent[i] >= 0)
            children[fill[parent[i]]++] = i;

    std::vector<ThreadedRow> out;
    out.reserve(links.size());
    std::vector<char> placed(n, 0);
    std::vector<std::pair<int, int>> stack; // (index, depth)
    auto walk = [&](int top) {
        stack.push_back({top, 0});
        while (!stack.empty()) {
            const auto [i, depth] = stack.back();
            stack.pop_back();
            if (placed[i])
                continue;
            placed[i] = 1;
            out.push_back({links[i].id, depth});
            for (int c = first[i + 1] - 1; c >= first[i]; --c) // reversed: popped in order
                stack.push_back({children[c], depth + 1});
        }
    };
    for (int i = 0; i < n; ++i)
        if (parent[i] < 0)
            walk(i);
    // What is left is a loop (A replies to B replies to A) or hangs from one: the loop's message
    // met first when climbing from the earliest one left leads.
    std::vector<int> climbedFrom(n, -1);
    for (int i = 0; i < n; ++i) {
        if (placed[i])
            continue;
        int j = i;
        while (climbedFrom[j] != i) {
            climbedFrom[j] = i;
            j = parent[j];
        }
        walk(j);
    }
    return out;
}

} // namespace Store
