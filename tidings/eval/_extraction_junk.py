"""Realistic junk lines to insert into gold article bodies, and look-alike body lines.

Written from what aggregator and news sites print between paragraphs, in
their many spellings: capitals, colons, pipes, arrows, brackets. The cleaner's
rules are tuned against these, never the other way round.
"""

from __future__ import annotations

import random
import re

PUBLISHERS = [
    "The Guardian", "Reuters", "AFP", "Agence France-Presse", "The Associated Press", "AP", "BBC News", "Al Jazeera",
    "The Conversation", "ProPublica", "Deutsche Welle", "Xinhua", "Bloomberg", "The Washington Post", "Kyodo News",
    "Middle East Eye", "Global Voices", "The New Humanitarian", "CNN", "Anadolu Agency", "RFI", "The Hindu",
    "Daily Maverick", "Mail & Guardian", "Le Monde", "EFE", "ANSA", "Press Trust of India", "Premium Times", "Haaretz",
]

# {h} a headline, {p} a publisher.
CROSS_LINK = [
    "READ ALSO {h}", "READ ALSO: {h}", "Read also: {h}", "Also read: {h}", "ALSO READ | {h}", "Read more: {h}",
    "READ MORE: {h}", "Read More >> {h}", "READ MORE >>> {h}", "→ Read more: {h}", "» Read more: {h}",
    "[READ MORE: {h}]", "(READ MORE: {h})", "Related: {h}", "RELATED: {h}", "Related | {h}", "RELATED >> {h}",
    "[Related: {h}]", "Related story: {h}", "Related Article: {h}", "Related coverage: {h}", "See also: {h}",
    "SEE ALSO: {h}", "See also {h}", "More on this story: {h}", "More on this story", "MORE ON THIS STORY",
    "More from {p}: {h}", "Recommended: {h}", "Don't miss: {h}", "DON'T MISS: {h}", "Must read: {h}",
    "WATCH: {h}", "Watch: {h}", "Trending: {h}", "You may also like: {h}", "READ NEXT: {h}", "Read next: {h}",
    "LISTEN: {h}", "Also see: {h}", "• Read also: {h}", "- READ ALSO: {h}", "Related Stories", "RELATED ARTICLES",
    "Read more", "Read the full story: {h}", "Editor's pick: {h}", "Top stories: {h}", "PHOTOS: {h}", "VIDEO: {h}",
    "Click here to read: {h}", "Related news: {h}", "SUGGESTED READING: {h}", "Also Read - {h}", "READ | {h}",
]

SYNDICATION = [
    "Via {p}", "via {p}", "VIA {p}", "Via: {p}", "Source: {p}", "SOURCE: {p}", "Source | {p}", "(Source: {p})",
    "[Source: {p}]", "Sources: {p}", "Courtesy of {p}", "Courtesy: {p}", "(Courtesy of {p})",
    "This article first appeared in {p}.", "This article first appeared on {p}.", "This story was originally published by {p}.",
    "This article was originally published on {p}.", "Originally published at {p}.", "Originally published by {p}",
    "First published by {p}.", "This article is republished from {p}.", "Republished with permission from {p}.",
    "This story first appeared on {p}.", "This piece was first published in {p}.", "Syndicated from {p}",
    "Content from {p}", "This article originally appeared in {p}.", "— {p}", "-- {p}", "(c) {p}", "© {p} 2024",
    "Copyright {p}. All rights reserved.",
]

SOCIAL = [
    "Share this article", "Share this story", "SHARE", "Share:", "Share on Facebook", "Share on Twitter",
    "Share: Facebook | Twitter | Email", "Facebook Twitter WhatsApp Email", "Share | Tweet | Email",
    "Tweet this", "Email this article", "Print this page", "Copy link", "Like us on Facebook",
    "Follow us on Twitter", "Follow us on Twitter @{handle}", "Follow {p} on Instagram, Facebook and X.",
    "Follow us on Google News", "Click here to subscribe", "Click here to subscribe to our YouTube channel",
    "Subscribe now", "SUBSCRIBE", "Subscribe to our newsletter", "Subscribe to {p} for the latest news",
    "Sign up for our daily newsletter", "Sign up for the {p} newsletter", "Get our free daily newsletter",
    "Get the latest news delivered to your inbox", "Join our WhatsApp channel for the latest updates",
    "Join our Telegram channel", "Become a member", "Support independent journalism: donate today",
    "Already a subscriber? Log in", "ADVERTISEMENT", "Advertisement", "Story continues below advertisement",
    "Article continues after this advertisement", "Scroll to continue with content", "SPONSORED", "Sponsored content",
    "12 comments", "Leave a comment", "View comments", "Enter your email address to subscribe",
    "To continue reading, subscribe", "Download our app", "Download the {p} app for breaking news alerts",
]

# Body lines that start like junk but belong to the article.
LOOKALIKES = [
    "Sources said the {org} had not been consulted before the decision.",
    "Sources close to the {org} said talks would resume on {day}.",
    "Share prices fell {n} percent on {day} after the announcement.",
    "Shares in the company rose {n} percent in early trading.",
    "Via a spokesman, the {org} said it would not comment further.",
    "Via its lawyers, the {org} denied any wrongdoing.",
    "Read the report, she urged, before passing judgment.",
    "Read in full, the statement made no mention of the {n} detainees.",
    "Related charges were filed against {n} other people on {day}.",
    "Follow-up talks with the {org} are scheduled for {day}.",
    "Watch groups said at least {n} people had been detained.",
    "Source material for the inquiry was handed to the {org} on {day}.",
    "Courtesy calls by the ambassador were cancelled on {day}.",
    "Subscribers to the service lost access for {n} hours.",
    "Like many others, the {org} had warned of unrest.",
    "More than {n} people marched through the capital on {day}.",
    "Advertising revenue at the broadcaster fell by {n} percent.",
    "Watch this space, the minister told reporters on {day}.",
    "See you in court, the lawyer told the {org}.",
    "Video footage shared online showed police firing tear gas.",
    "Listen to the people, protesters chanted outside the {org}.",
    "Sign-up rates for the scheme doubled after {day}.",
    "Follow the money, the auditor said, and the picture is clear.",
    "Latest figures from the {org} show {n} arrests since {day}.",
]
_ORGS = ["interior ministry", "electoral commission", "opposition", "central bank", "police", "army", "union", "court"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def first_sentence(body: str, max_words: int = 16) -> str:
    line = next((ln.strip() for ln in body.split("\n") if len(ln.split()) >= 5), "")
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0].rstrip(".")
    words = sentence.split()
    return " ".join(words[:max_words])


def shuffled_headline(rng: random.Random, body: str) -> str:
    words = [w.strip(".,;:“”\"()") for w in body.split() if w.strip(".,;:“”\"()")]
    if len(words) < 6:
        return "Talks collapse as deadline passes"
    picked = rng.sample(words, k=min(len(words), rng.randint(5, 11)))
    head = " ".join(picked)
    return head[0].upper() + head[1:]


def headline(rng: random.Random, own_key: str, first_sentences: dict[str, str], bodies: dict[str, str]) -> str:
    others = [k for k in first_sentences if k != own_key and first_sentences[k]]
    if rng.random() < 0.6 and others:
        h = first_sentences[rng.choice(others)]
    else:
        h = shuffled_headline(rng, bodies[rng.choice(others or [own_key])])
    style = rng.random()
    if style < 0.15:
        return h.upper()
    if style < 0.35:
        return h.title()
    return h


def junk_line(rng: random.Random, kind: str, h: str) -> tuple[str, str | None]:
    """(line, publisher it names) for a kind of junk."""
    p = rng.choice(PUBLISHERS)
    template = rng.choice({"cross-link": CROSS_LINK, "syndication": SYNDICATION, "social": SOCIAL}[kind])
    line = template.format(h=h, p=p, handle=re.sub(r"\W", "", p))
    named = p if kind == "syndication" and "{p}" in template else None
    # The cleaner takes the publisher from a syndication or copyright line.
    return line, named


def lookalike(rng: random.Random) -> str:
    return rng.choice(LOOKALIKES).format(org=rng.choice(_ORGS), day=rng.choice(_DAYS), n=rng.randint(2, 400))
