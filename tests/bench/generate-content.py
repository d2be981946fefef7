#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes synthetic Threshold module files for the content benchmarks.

    generate-content.py --output DIR [--scenarios 1000] [--modules 40] [--seed 1]

The files follow content/threshold-module.rng and pass Threshold's own
checks (unique ids, reachable follow-ups, one best choice, no language to
avoid), so `threshold --validate DIR` reports no problem. They are shaped
like the shipped modules: a lesson of a few pages, key points, sources,
and a quiz of branching conversations (about half the scenarios are
follow-ups) with a few select-all-that-apply questions. The text is filler
of about the length of real text, so that parse and schema time scale as
they would. The same seed always writes the same bytes.
"""

import argparse
import os
import random
import sys
from xml.sax.saxutils import escape, quoteattr

TAGS = [
    "humanism", "pragmatism", "individualism", "autonomy", "incrementalism",
    "accountability", "learner-and-informer", "pragmatic-measures",
    "collaborative-teams", "stigma-free-culture", "welcoming-space",
    "low-threshold-care", "beyond-the-clinic", "referral-networks",
]
SETTINGS = ["free-standing-clinic", "hospital-clinic", "syringe-services-clinic", "any"]
PLACES = ["front-desk", "waiting-room", "exam-room", "team-huddle", "phone",
          "charting", "hiring-interview", "supervision", "community", "meeting"]
ROLES = ["front-desk", "medical-assistant", "nurse", "prescriber", "peer-worker",
         "social-worker", "care-coordinator", "behavioral-health", "supervisor", "any"]

# Neutral filler: none of these words is on the language check's list.
WORDS = """
person visit clinic team nurse morning plan goal housing refill phone call
appointment waiting room front desk question answer help support record note
chart huddle supervisor colleague referral partner program service week month
time change progress step choice option risk safety naloxone medicine dose
pharmacy insurance form letter ride bus shelter family friend worker peer
conversation trust honest open welcome listen explain offer ask agree share
follow return schedule slot result test history concern worry hope priority
""".split()

# Conversations of the shipped modules run one to four moments long.
CHAIN_LENGTHS = [4, 1, 2, 1, 3, 1, 1, 2, 1, 4, 1, 3]


def sentence(rng, low=8, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def tags(rng, count):
    return " ".join(rng.sample(TAGS, count))


def split_chains(rng, total):
    """Conversation lengths summing to total; the first is an entry."""
    chains = []
    left = total
    while left > 0:
        length = min(left, CHAIN_LENGTHS[rng.randrange(len(CHAIN_LENGTHS))])
        chains.append(length)
        left -= length
    return chains


def single_scenario(rng, out, sid, follow_up, next_id):
    """A single-choice moment: one best choice (3), then 1 and 0. The two
    better choices lead on when the conversation continues; the worst
    always ends the branch, so every moment has a way out."""
    attrs = f'id="{sid}"'
    if follow_up:
        attrs += ' follow-up="true"'
    else:
        attrs += (f' setting="{rng.choice(SETTINGS)}" place="{rng.choice(PLACES)}"'
                  f' role="{rng.choice(ROLES)}"')
    out.append(f"    <scenario {attrs}>")
    out.append(f"      <title>{escape(sentence(rng, 3, 6)[:-1])}</title>")
    out.append(f"      <situation>{escape(paragraph(rng, 3))}</situation>")
    out.append("      <prompt>What do you say?</prompt>")
    for cid, score in (("a", 3), ("b", 1), ("c", 0)):
        nxt = f' next="{next_id}"' if next_id and cid != "c" else ""
        kind = "honours" if score > 0 else "breaks"
        out.append(f'      <choice id="{cid}" score="{score}"{nxt} {kind}="{tags(rng, 2)}">')
        out.append(f"        <text>{escape(sentence(rng, 10, 24))}</text>")
        out.append(f"        <feedback>{escape(paragraph(rng, 3))}</feedback>")
        out.append("      </choice>")
    out.append("    </scenario>")


def multiple_scenario(rng, out, sid):
    """Select all that apply: positive and negative choices, no branching."""
    out.append(f'    <scenario id="{sid}" select="multiple" setting="any"'
               f' place="{rng.choice(PLACES)}" role="any">')
    out.append(f"      <title>{escape(sentence(rng, 3, 6)[:-1])}</title>")
    out.append(f"      <situation>{escape(paragraph(rng, 2))}</situation>")
    out.append("      <prompt>Select all that apply.</prompt>")
    for i, score in enumerate((1, 1, -1, 1, -1)):
        kind = "honours" if score > 0 else "breaks"
        out.append(f'      <choice id="{chr(ord("a") + i)}" score="{score}" {kind}="{tags(rng, 1)}">')
        out.append(f"        <text>{escape(sentence(rng, 6, 14))}</text>")
        out.append(f"        <feedback>{escape(paragraph(rng, 2))}</feedback>")
        out.append("      </choice>")
    out.append("    </scenario>")


def quiz(rng, out, n_scenarios):
    out.append('  <quiz pass-mark="80" refresher-size="3">')
    number = 0
    for chain, length in enumerate(split_chains(rng, n_scenarios)):
        ids = [f"c{chain + 1}-m{k + 1}" for k in range(length)]
        if length == 1 and rng.random() < 0.3:
            multiple_scenario(rng, out, ids[0])
        else:
            for k, sid in enumerate(ids):
                single_scenario(rng, out, sid, k > 0, ids[k + 1] if k + 1 < length else None)
        number += length
    assert number == n_scenarios
    out.append("  </quiz>")


def lesson(rng, out):
    out.append("  <lesson>")
    for page in ("idea", "practice", "obstacles", "in-the-record"):
        out.append(f'    <page id="{page}">')
        out.append(f"      <heading>{escape(sentence(rng, 3, 6)[:-1])}</heading>")
        for _ in range(3):
            out.append(f"      <p>{escape(paragraph(rng, 5))} <em>{rng.choice(WORDS)}</em>.</p>")
        out.append("      <list>")
        for _ in range(5):
            out.append(f"        <item>{escape(sentence(rng))}</item>")
        out.append("      </list>")
        out.append(f'      <quote source="study2023" where="Table 2">{escape(sentence(rng, 15, 30))}</quote>')
        out.append("    </page>")
    out.append("  </lesson>")
    out.append("  <key-points>")
    for _ in range(5):
        out.append(f"    <point>{escape(sentence(rng))}</point>")
    out.append("  </key-points>")
    out.append("  <sources>")
    out.append('    <source id="study2023">Synthetic A, Filler B. A made-up study for'
               " benchmarks. J Bench. 2023;1(1):1-10.</source>")
    out.append("  </sources>")


def module(rng, number, n_scenarios):
    module_id = f"bench-{number:04d}"
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<module xmlns="urn:x-threshold:module:1" id="{module_id}" kind="other"'
           f' order="{number}" required="false" xml:lang="en">',
           f"  <title>Benchmark module {number}</title>",
           f"  <summary>{escape(sentence(rng))}</summary>"]
    lesson(rng, out)
    quiz(rng, out, n_scenarios)
    out.append("</module>")
    return module_id, "\n".join(out) + "\n"


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {text}")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", required=True, help="folder to write into (created)")
    parser.add_argument("--scenarios", type=positive, default=1000, help="in all (default 1000)")
    parser.add_argument("--modules", type=positive, default=40, help="files (default 40)")
    parser.add_argument("--seed", type=int, default=1, help="default 1")
    args = parser.parse_args()

    if args.modules > args.scenarios:
        parser.error("--modules cannot exceed --scenarios: every module needs a scenario")
    os.makedirs(args.output, exist_ok=True)
    if any(name.endswith(".xml") for name in os.listdir(args.output)):
        parser.error(f"{args.output} already holds .xml files; use an empty folder")

    rng = random.Random(args.seed)
    base, extra = divmod(args.scenarios, args.modules)
    for number in range(1, args.modules + 1):
        module_id, text = module(rng, number, base + (1 if number <= extra else 0))
        with open(os.path.join(args.output, module_id + ".xml"), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{args.output}: {args.modules} modules, {args.scenarios} scenarios")


if __name__ == "__main__":
    sys.exit(main())
