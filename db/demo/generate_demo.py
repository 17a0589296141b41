#!/usr/bin/env python3
"""Generate Blogroll's demo data: db/demo/posts.ndjson and db/demo/taxonomy.json.

What it writes
--------------
* taxonomy.json -- the five categories (name, slug, one-sentence description)
  and the twelve "featured" tag names, in the order of the reference page.
* posts.ndjson -- one JSON object per line with the keys
  title, slug, category, tags, author, publishedAt, excerpt, body,
  imageUrl, imageAlt, sourceUrl, status:
    - Engineering: exactly 300 published posts. Ordered newest first, ranks
      241-255 are the 15 posts of the reference page
      (shared/reference/engineering-page-17.json), copied verbatim; the other
      285 are generated. Plus one draft and one post scheduled for 2099,
      which the app must filter out of every listing.
    - Product Releases 36, Learning Center 28, News 22, Culture 11 (all
      published; releases and news are about a fictional platform, Meshway).
  Generated posts have Markdown bodies (250-900 words, 2-4 "##" sections, at
  least one fenced code block), 2-4 tags, an excerpt (null for every 10th
  generated post, so the app must derive one from the body), imageUrl null and
  a short imageAlt. Titles, technologies, sentences and snippets that did not
  exist yet at a post's date are left out (see SINCE_RULES), so a 2020 post
  never mentions LLMs. The lines are written in a shuffled (but deterministic)
  order, so nothing may rely on file order.

How to re-run
-------------
From the repository root:

    python3 db/demo/generate_demo.py

It works from any working directory (all paths are relative to this file),
uses only the Python 3 standard library and random.Random(2021), needs no
network, and always produces byte-identical output. It reads the reference
page from <repo>/../shared/reference/engineering-page-17.json and fails with a
clear message if that file is missing. Before writing, it checks its own
output (ranks, uniqueness, slugs, lengths, counts, Markdown shape), re-reads the
files it wrote, and prints a summary.
"""

import datetime as dt
import json
import os
import random
import re
import sys
import textwrap
import unicodedata

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(SCRIPT_DIR, "..", ".."))
REFERENCE_PATH = os.path.normpath(
    os.path.join(SCRIPT_DIR, "..", "..", "..", "shared", "reference", "engineering-page-17.json"))
POSTS_PATH = os.path.join(SCRIPT_DIR, "posts.ndjson")
TAXONOMY_PATH = os.path.join(SCRIPT_DIR, "taxonomy.json")

rng = random.Random(2021)

# ---------------------------------------------------------------------------
# Fixed facts
# ---------------------------------------------------------------------------

ENGINEERING = "Engineering"
RELEASES = "Product Releases"
LEARNING = "Learning Center"
NEWS = "News"
CULTURE = "Culture"

OTHER_CATEGORIES = [
    {"name": RELEASES, "slug": "product-releases",
     "description": "Release notes, upgrade guides and feature deep dives for every part of the Meshway API platform."},
    {"name": LEARNING, "slug": "learning-center",
     "description": "Plain-language explainers on APIs, gateways, service meshes and the ideas behind them."},
    {"name": NEWS, "slug": "news",
     "description": "Announcements, events and company updates from the Meshway team and community."},
    {"name": CULTURE, "slug": "culture",
     "description": "How our engineering teams hire, collaborate, share on-call and grow together."},
]

CATEGORY_COUNTS = {RELEASES: 36, LEARNING: 28, NEWS: 22, CULTURE: 11}

RESERVED_SLUGS = ["page", "tag", "author", "feed", "search", "admin", "category", "blog",
                  "feed.atom", "feed.rss", "sitemap"]

# Tags beyond the twelve featured ones. Capitalisation is canonical; names are
# unique case-insensitively (checked below).
EXTRA_TAGS = [
    "Kubernetes", "Observability", "PostgreSQL", "Performance", "Testing", "Security",
    "OpenTelemetry", "GraphQL", "gRPC", "Kafka", "Terraform", "DevOps",
    "Platform Engineering", "Rate Limiting", "Authentication", "OAuth", "Microservices",
    "Plugins", "Lua", "Go", "Rust", "Java", "CI/CD", "Caching", "Databases",
    "Open Source", "Engineering Culture",
]

# Invented people (no reference authors, no famous names).
AUTHORS = [
    "Priya Raghunathan", "Tomasz Wierzbicki", "Amara Okonkwo", "Lucía Fernández Ortega",
    "Kenji Matsuda", "Sofia Lindqvist", "Daniel Mwangi", "Aisha Rahman", "Mateus Carvalho",
    "Hannah Feldmann", "Oluwaseun Adeyemi", "Inès Moreau", "Rafael Quintero", "Mei-Ling Tsai",
    "Arjun Venkataraman", "Noor Haddad", "Jonas Brekke", "Camille Roussel", "Yusuf Aydın",
    "Elena Popescu", "Kwame Asante", "Ana Kovačević", "Diego Arriaga", "Freya Holmgren",
    "Siddharth Iyer", "Zainab Bello", "Liam O'Sullivan", "Hyun-woo Park", "Marta Nowicka",
    "Thabo Nkosi", "Bianca Moretti", "Ravi Subramaniam", "Chloé Girard", "Emeka Chukwu",
    "Irina Belyaeva",
]
RELEASE_AUTHORS = ["Sofia Lindqvist", "Kenji Matsuda", "Noor Haddad", "Mateus Carvalho",
                   "Freya Holmgren", "Emeka Chukwu", "Hyun-woo Park"]
NEWS_AUTHORS = ["Camille Roussel", "Daniel Mwangi", "Bianca Moretti", "Liam O'Sullivan",
                "Zainab Bello"]

EXTERNAL_SOURCES = [
    "https://eng.acme.example/posts/",
    "https://blog.northwind-labs.example/engineering/",
    "https://tech.fernpay.example/",
    "https://engineering.orbitly.example/blog/",
    "https://dev.quillcart.example/articles/",
    "https://builders.tidewater.example/notes/",
]

# Per-post variables. Text placeholders look like @svc@ and are filled by fill().
SERVICES = ["orders", "payments", "inventory", "checkout", "search", "billing", "catalog",
            "notifications", "ledger", "profiles", "shipping", "pricing", "accounts",
            "reviews", "recommendations", "invoices", "subscriptions", "fulfillment"]
TEAMS = ["platform", "payments", "edge", "identity", "data infrastructure",
         "developer experience", "core API", "reliability", "search", "billing", "integrations"]
P99S = ["8", "12", "18", "23", "35", "48", "60", "85", "120", "180", "240"]
PCTS = ["18", "22", "27", "31", "35", "40", "44", "52", "60", "63", "70", "78"]
RPSS = ["5,000", "12,000", "40,000", "75,000", "120,000", "250,000", "1.2 million"]
NODES = ["40", "120", "300", "650", "1,200", "2,000", "3,500"]
SERVICE_COUNTS = ["60", "140", "220", "400", "750", "1,100"]
CLUSTERS = ["3", "6", "12", "18", "27", "40"]
WEEKS = ["two", "three", "four", "six", "eight", "ten"]
TEAM_COUNTS = ["9", "14", "25", "40", "70", "120"]

# ---------------------------------------------------------------------------
# Shared sentence pools (engineering-style posts). Kinds:
# howto, story, deep, compare, list.
# ---------------------------------------------------------------------------

OPENERS = {
    "howto": [
        "This guide walks through @subject@ end to end, starting from a clean environment and finishing with a setup we would be happy to run in production.",
        "Most introductions to @subject@ stop at the happy path. This one keeps going until the configuration survives a real deploy, a rollback and an on-call shift.",
        "If @subject@ has been sitting on your backlog for a while, this post should give you enough to get a first version running in an afternoon.",
        "We get asked about @subject@ often enough that it was time to write down the approach we recommend to teams.",
        "The first time we set up @subject@ it took a week of trial and error; the second time it took an hour, and this post is the difference.",
    ],
    "story": [
        "Two years ago, our approach to @subject@ was a handful of scripts, a wiki page and a lot of institutional memory.",
        "This is the story of how the @team@ team reworked @subject@ without a maintenance window and without asking product teams to stop shipping.",
        "We did not plan to become opinionated about @subject@. A long night of paging and a very patient incident commander made the decision for us.",
        "When the @svc@ service started missing its latency objectives, the trail led back to the way we handled @subject@.",
        "Every team has a project that starts as a quick fix and turns into a quarter of work; for the @team@ team, that project was @subject@.",
    ],
    "deep": [
        "@Subject_s@ looks simple from the outside, but a surprising amount of machinery sits between the first byte of a request and the last byte of the response.",
        "It is easy to rely on @subject@ for years without ever looking at how it works. This post opens the box.",
        "Understanding the internals of @subject@ is the difference between tuning it with confidence and tuning it by superstition.",
        "Most of the confusing behavior we see around @subject@ makes perfect sense once you know what happens underneath.",
    ],
    "compare": [
        "There is no single right answer for @subject@, only trade-offs that suit some teams better than others.",
        "Teams evaluating @subject@ usually end up with the same short list of options and the same long list of questions.",
        "We ran the main approaches to @subject@ side by side on the same workload so the comparison would be fair.",
        "Every few months someone asks which approach to @subject@ we recommend, and the honest answer is that it depends on a few specific things.",
    ],
    "list": [
        "After helping dozens of teams with @subject@, we keep seeing the same handful of problems.",
        "None of the issues below are exotic. Each of them cost someone we know a weekend.",
        "These are the lessons about @subject@ that we would have liked to read before our first production rollout.",
        "We collected these from code reviews, incident reports and support tickets over the last couple of years.",
    ],
}

ROADMAPS = {
    "howto": [
        "We will cover the moving parts first, then the configuration, and finally the checks we run before calling it done.",
        "Everything below has been tested on a real cluster, and the snippets are trimmed versions of what we run.",
        "Follow along in order; each step builds on the one before it.",
    ],
    "story": [
        "Here is what we changed, what went wrong along the way and what we would do differently.",
        "This post covers where we started, the decisions that mattered and the results.",
        "What follows is the short version, with the detours left in where they taught us something.",
    ],
    "deep": [
        "Let's look at the pieces one at a time.",
        "We will follow a request through the system and stop wherever something interesting happens.",
        "This post is long on mechanism and short on opinion, and that is deliberate.",
    ],
    "compare": [
        "Below we compare the options on the criteria that mattered most to us.",
        "We will look at how each option behaves in practice, not just on paper.",
        "Here is how the trade-offs played out for us.",
    ],
    "list": [
        "Here they are, roughly in order of how often we run into them.",
        "Each item below comes with the symptom to look for and the fix.",
        "The list is not exhaustive, but it covers the problems we see most.",
    ],
}

CLOSINGS = {
    "howto": (["Next Steps", "Wrapping Up", "Where to Go from Here"], [
        "Once the basic setup is in place, the next step is to automate it so that nobody configures it by hand again.",
        "Start small, with one service and one team, and expand only after the dashboards tell you the change is safe.",
        "Keep the configuration in version control next to the code it protects; future you will want the history.",
        "If something in this guide does not match what you see, the cause is almost always an environment difference worth documenting.",
        "We would love to hear how this works for your team and what you changed along the way.",
        "From here, the most valuable improvement is usually better alerting on the new moving parts.",
    ]),
    "story": (["What We'd Do Differently", "Lessons Learned", "Looking Back"], [
        "We would have invested in measurement earlier; half of our early debates were arguments about numbers nobody had.",
        "The technical work took @weeks@ weeks. Convincing everyone that the old way was worth changing took longer.",
        "Rolling out service by service was slower than a big bang, but it meant every mistake was a small one.",
        "After the change, p99 latency for @svc@ settled at @p99@ ms and the related alerts went quiet.",
        "The most valuable artifact from the project turned out to be the runbook, not the code.",
        "We still have open questions, and we expect to revisit some of these decisions as traffic grows.",
    ]),
    "deep": (["Takeaways", "Why It Matters", "Putting It Together"], [
        "None of these mechanisms are magic, and knowing how they work makes the failure modes far less surprising.",
        "Most of the tuning knobs exist because one of these trade-offs hurt somebody in production.",
        "When in doubt, measure on your own workload; benchmarks from someone else's traffic rarely transfer.",
        "The defaults are reasonable for most teams, and changing them should be a deliberate, documented decision.",
        "If you remember one thing, make it this: the behavior you see is a consequence of a design choice, not an accident.",
    ]),
    "compare": (["Which One Should You Pick?", "Our Recommendation", "Making the Call"], [
        "If you are a small team, pick the option with the fewest moving parts and revisit the decision when it starts to hurt.",
        "Larger organizations tend to value consistency across teams more than raw performance.",
        "Whatever you choose, write down why, so the next person can tell whether the original reasons still hold.",
        "We ended up running two of the options side by side for different workloads, and that has been fine.",
        "The worst outcome is not picking the wrong option; it is picking one implicitly and never noticing.",
    ]),
    "list": (["Final Thoughts", "Putting It into Practice", "A Short Checklist"], [
        "None of these fixes are expensive on their own; the cost comes from discovering them one incident at a time.",
        "Pick the two items that worry you most and schedule them for the next sprint.",
        "If you already avoid all of these, we would genuinely like to hear what you are doing.",
        "Most of these can be turned into automated checks, which is the only way they stay fixed.",
    ]),
}

ASIDES = [
    "This turned out to matter more than any of the tuning that came later.",
    "It sounds obvious written down, but it took us an incident to learn it.",
    "The @svc@ team was the first to try this, and their feedback shaped the final version.",
    "We measured before and after on the same hardware and the same traffic replay.",
    "None of this required new infrastructure, only a change in defaults.",
    "In hindsight, we should have done this first.",
    "The change itself was small; agreeing on it took a couple of design reviews.",
    "We wrote this down in the runbook so the next person does not have to rediscover it.",
    "Your numbers will differ, but the shape of the result is usually the same.",
    "It is worth checking how your own setup behaves here before copying ours.",
    "This is also the part that new team members ask about most often.",
    "We found at least @clusters@ places where the old behavior had been copied and pasted.",
]

CODE_LEADINS = [
    "Here is the configuration we ended up with:",
    "The relevant part looks like this:",
    "A minimal version looks like this:",
    "This is the snippet we point new teams to:",
    "In practice it comes down to a few lines:",
    "For reference, here is a trimmed-down example:",
]

BULLET_LEADINS = [
    "A few rules of thumb we follow:",
    "The short version:",
    "Before going further, check that you:",
    "What worked for us:",
    "If you only remember a few things, make it these:",
]

LINK_SENTENCES = [
    "For the full list of options, see [@ltext@](@lurl@).",
    "We kept the explanation short here; [@ltext@](@lurl@) goes deeper.",
    "If you want to dig further, start with [@ltext@](@lurl@).",
    "The details are covered in [@ltext@](@lurl@).",
]

PROMISES = {
    "howto": [
        "This guide walks through @subject@ step by step, including the parts most quick-starts skip.",
        "We cover the setup, the configuration we run in production and the checks we use to know it works.",
        "Follow along to get a working setup, then adapt it to your own environment.",
    ],
    "story": [
        "Here is what broke, what we changed and what the numbers looked like afterwards.",
        "This is how the @team@ team approached it, including the mistakes we would not repeat.",
        "We share the timeline, the trade-offs and the lessons that surprised us.",
    ],
    "deep": [
        "We take the mechanism apart and look at the trade-offs behind each design choice.",
        "This post explains what happens under the hood and why it matters day to day.",
        "Understanding the internals makes tuning and debugging far less mysterious.",
    ],
    "compare": [
        "We compare the options on latency, operational cost and failure modes so you can choose with confidence.",
        "Each approach has a place; this post explains where each one fits.",
        "We lay out the trade-offs side by side, along with the choice we made and why.",
    ],
    "list": [
        "Here are the patterns we see most often and how to fix each of them.",
        "Each item comes with a symptom to look for and a fix you can apply this week.",
        "None of them are exotic, and all of them are cheaper to prevent than to debug.",
    ],
}

# Title patterns that work for any topic, filled with one of the topic's subjects.
GENERIC_TITLES = [
    ("howto", "A Practical Guide to @Subject@"),
    ("story", "@Subject@ in Production: What We Learned"),
    ("list", "Five Things We Wish We Had Known About @Subject@"),
    ("deep", "Under the Hood: @Subject@"),
    ("story", "How the @Team@ Team Rethought @Subject@"),
    ("howto", "Getting @Subject@ Right on Day One"),
    ("story", "A Year of @Subject@ at Scale"),
    ("list", "Common @Subject@ Pitfalls and How to Avoid Them"),
    ("deep", "The Hidden Costs of @Subject@"),
    ("howto", "@Subject@ Without the Drama: A Checklist"),
]

# ---------------------------------------------------------------------------
# Engineering topics. Each topic carries its own titles, sentences, sections,
# code snippets, bullet points, links and alt texts. Sections and code may be
# restricted to one technology (third tuple element).
# ---------------------------------------------------------------------------

ENG_TOPICS = {}


def topic(key, **fields):
    ENG_TOPICS[key] = fields


def code(text):
    return textwrap.dedent(text).strip("\n")


topic(
    "rate-limiting",
    subjects=[("Rate Limiting", "rate limiting"), ("API Quotas", "API quotas"),
              ("Traffic Shaping at the Edge", "traffic shaping at the edge")],
    techs=["Redis", "Kong Gateway", "Envoy", "NGINX"],
    tags=["Rate Limiting", "API Gateway", "Performance", "API Security"],
    titles=[
        ("howto", "Distributed Rate Limiting with @tech@: A Practical Guide"),
        ("deep", "Sliding Windows vs Token Buckets: How Rate Limiters Actually Count"),
        ("story", "How We Stopped a Retry Storm with Per-Consumer Quotas"),
        ("howto", "Rate Limiting @Svc@ APIs by Consumer, Route and Header"),
        ("story", "What We Learned Enforcing @rps@ Requests per Second at the Edge"),
        ("list", "Seven Rate Limiting Mistakes That Only Show Up in Production"),
        ("deep", "Why Our Rate Limiter Needed Clock-Skew Tolerance"),
        ("compare", "Local, Cluster or Redis: Choosing a Rate Limiting Policy"),
        ("howto", "Returning Useful 429s: Rate Limit Headers Done Right"),
        ("story", "Moving Rate Limit Counters from PostgreSQL to Redis"),
        ("howto", "Protecting Login Endpoints with Adaptive Rate Limits"),
        ("deep", "Inside a Token Bucket: Burst, Refill and Fairness"),
        ("compare", "Rate Limiting vs Load Shedding: When to Use Which"),
        ("list", "Five Signals That Your API Quotas Are Set Wrong"),
    ],
    hooks=[
        "Rate limits protect upstream services, keep noisy tenants in check and give every client a predictable contract.",
        "A rate limiter that behaves perfectly on one node can fall apart across a fleet of gateways.",
        "Most throttling incidents are not caused by attackers but by well-meaning clients retrying too aggressively.",
    ],
    intro=[
        "Every public API eventually meets a client that sends far more traffic than anyone planned for.",
        "Rate limits are the cheapest insurance an API can buy: they protect upstream services, keep noisy tenants from starving quiet ones and give clients a predictable contract.",
        "The hard part is not turning a limiter on; it is choosing limits that match how people actually use the API.",
        "For the @svc@ service, a single misbehaving batch job was enough to push p99 latency past @p99@ ms for everyone else.",
        "A limiter that works perfectly on one node can behave very differently once requests are spread across a fleet of gateways.",
    ],
    sections=[
        ("Choosing What to Count", [
            "The first decision is the identity you limit on: consumer, credential, IP address, route or some combination.",
            "Limiting by IP address is tempting because it needs no authentication, but it punishes everyone behind a corporate NAT.",
            "We settled on the authenticated consumer as the primary key and fall back to the client IP only on anonymous routes.",
            "Routes that are expensive to serve, like search and exports, get their own tighter buckets instead of sharing the global quota.",
            "Header-based limits are useful for multi-tenant APIs where one credential acts on behalf of many customers.",
        ]),
        ("Where the Counters Live", [
            "A local, in-memory counter is fast and has no dependencies, but each node only sees its own share of the traffic.",
            "With @nodes@ gateway nodes behind a load balancer, a local limit of 100 per minute quietly becomes a limit of many thousands.",
            "A shared store such as Redis gives an accurate global count at the cost of one extra network round trip per request.",
            "We batch counter increments and sync them every few hundred milliseconds, which keeps Redis load flat while staying within a few percent of the true count.",
            "If the shared store becomes unavailable, the limiter should fail open for most routes and fail closed only where abuse is genuinely dangerous.",
        ]),
        ("Token Buckets and Sliding Windows", [
            "Fixed windows are the simplest algorithm, but they allow twice the limit in a burst that straddles a window boundary.",
            "Sliding windows weight the previous window's count by how much of it overlaps the current one, which smooths out that edge.",
            "Token buckets refill at a steady rate and allow short bursts up to the bucket size, which matches how real clients behave.",
            "We use token buckets for interactive traffic and sliding windows for daily quotas, where precision matters more than burst tolerance.",
            "Whatever the algorithm, the counters need expiry, or memory grows with every consumer that ever called the API.",
        ]),
        ("Telling Clients What Happened", [
            "A bare 429 status code tells a client that it was throttled, but not what to do next.",
            "We return RateLimit-Limit, RateLimit-Remaining and Retry-After headers on every response, not only on rejected ones.",
            "Well-behaved SDKs read those headers and back off before they hit the wall, which cut our rejected request volume by @pct@ percent.",
            "The response body includes a stable error code and a link to the documentation, so support tickets start with the right context.",
        ]),
        ("Rolling Out New Limits", [
            "New limits start in a shadow mode where the gateway logs what it would have rejected without rejecting anything.",
            "After @weeks@ weeks of shadow data we knew which consumers would be affected and could reach out before enforcement began.",
            "Dashboards broken down by consumer make it obvious when one integration is responsible for most of the throttling.",
            "We raise limits quickly on request and lower them slowly, because a surprise rejection is far more expensive than a few extra requests.",
        ]),
    ],
    code=[
        ("yaml", code("""
            _format_version: "3.0"
            services:
              - name: @svc@
                url: http://@svc@.internal:8080
                routes:
                  - name: @svc@-api
                    paths:
                      - /@svc@
                plugins:
                  - name: rate-limiting
                    config:
                      minute: 600
                      hour: 20000
                      limit_by: consumer
                      policy: redis
                      redis:
                        host: redis.internal
                        port: 6379
                      fault_tolerant: true
                      hide_client_headers: false
            """)),
        ("lua", code("""
            -- Token bucket: refill continuously, allow bursts up to `burst`
            local function take(bucket, now, rate, burst)
              local elapsed = now - bucket.updated_at
              bucket.tokens = math.min(burst, bucket.tokens + elapsed * rate)
              bucket.updated_at = now
              if bucket.tokens < 1 then
                -- seconds until the next token is available
                return false, (1 - bucket.tokens) / rate
              end
              bucket.tokens = bucket.tokens - 1
              return true, 0
            end
            """)),
        ("bash", code("""
            $ curl -si https://api.example.com/@svc@/v1/items \\
                -H "apikey: $API_KEY" | grep -iE '^(HTTP|ratelimit|retry-after)'
            HTTP/2 429
            ratelimit-limit: 600
            ratelimit-remaining: 0
            ratelimit-reset: 17
            retry-after: 17
            """)),
    ],
    bullets=[
        "Limit on the authenticated consumer, not the IP address, wherever you can.",
        "Give expensive routes their own buckets.",
        "Run new limits in shadow mode before enforcing them.",
        "Always send Retry-After with a 429.",
        "Decide up front whether the limiter fails open or closed.",
        "Expire counters so memory does not grow forever.",
    ],
    links=[("the rate limiting plugin reference", "https://docs.example.com/plugins/rate-limiting"),
           ("the RateLimit header fields draft", "https://example.com/drafts/ratelimit-headers")],
    alts=["Diagram of gateway nodes sharing rate limit counters in Redis",
          "Graph of requests per second flattening under a rate limit",
          "Illustration of a token bucket refilling over time"],
)

topic(
    "auth",
    subjects=[("API Authentication", "API authentication"), ("OAuth 2.0 Flows", "OAuth 2.0 flows"),
              ("Token Validation at the Gateway", "token validation at the gateway")],
    techs=["Keycloak", "Okta", "Auth0", "Dex", "Ory Hydra"],
    tags=["Authentication", "OAuth", "API Security", "Security", "API Gateway"],
    titles=[
        ("howto", "Validating JWTs at the Gateway with @tech@ as the Identity Provider"),
        ("howto", "Client Credentials for Machine-to-Machine APIs with @tech@"),
        ("story", "How We Moved @services@ Services from API Keys to OAuth 2.0"),
        ("deep", "What Actually Happens During an OIDC Authorization Code Flow"),
        ("compare", "Opaque Tokens vs JWTs: Choosing a Token Format for Your APIs"),
        ("list", "Six JWT Validation Mistakes We Found in Code Review"),
        ("howto", "Adding PKCE to a Single-Page App Without Breaking Login"),
        ("deep", "Token Introspection Caching: Fast Auth Without Stale Permissions"),
        ("story", "Rotating Signing Keys Without Logging Everyone Out"),
        ("howto", "Scoping API Tokens per Tenant with Custom Claims"),
        ("compare", "Gateway Auth or Service Auth? Where to Check Credentials"),
        ("list", "Five Rules for Handling Refresh Tokens Safely"),
        ("story", "Our Migration from Session Cookies to Short-Lived Access Tokens"),
        ("deep", "JWKS Caching, Key IDs and the Art of Key Rotation"),
        ("howto", "Federating Partner Identities into Your API Platform with @tech@"),
    ],
    hooks=[
        "Authentication is the first thing every request touches and the last thing anyone wants to debug at three in the morning.",
        "Validating tokens once at the gateway lets every service behind it trust a verified identity.",
        "Most OAuth problems in production live in the parts of the specification that leave room for interpretation.",
    ],
    intro=[
        "Authentication is the first thing every request touches and the last thing anyone wants to debug at three in the morning.",
        "Putting token validation in the gateway means every service behind it can trust a verified identity instead of re-implementing the same checks.",
        "The OAuth 2.0 specification leaves a lot of room for interpretation, and most production problems live in that room.",
        "For years the @svc@ API accepted long-lived static keys, which turned every leaked key into a long-lived incident.",
        "Identity providers such as @tech@ handle the hard parts of issuing tokens, but validating them correctly is still your job.",
    ],
    sections=[
        ("Choosing a Flow", [
            "Machine-to-machine traffic belongs on the client credentials grant; there is no user to redirect and no browser to hold a session.",
            "Browser and mobile apps should use the authorization code flow with PKCE, which removes the need to ship a client secret to devices you do not control.",
            "The implicit flow still shows up in older tutorials, but it exposes tokens in URLs and should be retired.",
            "Device authorization is the right fit for CLIs and TVs, where typing a password is painful or impossible.",
            "Whatever the flow, the gateway only ever sees a bearer token, which keeps upstream services simple.",
        ]),
        ("Validating Tokens at the Edge", [
            "Validating a JWT means checking the signature, the issuer, the audience, the expiry and the not-before time, every single time.",
            "Skipping the audience check is the most common mistake we see, and it lets a token minted for one API be replayed against another.",
            "The gateway fetches the provider's JWKS document and caches the keys, refreshing when it encounters an unknown key ID.",
            "Clock skew between the gateway and the identity provider is real, so we allow a small leeway of about thirty seconds.",
            "Once validated, the gateway forwards a trimmed set of claims to the upstream in headers that clients cannot spoof.",
        ]),
        ("Scopes, Claims and Authorization", [
            "Authentication tells you who is calling; scopes and claims tell you what they are allowed to do.",
            "Coarse-grained scopes like @svc@:read work well at the gateway, while fine-grained rules belong closer to the data.",
            "Custom claims for tenant and plan let the gateway apply per-tenant rate limits without a database lookup.",
            "We keep tokens small by putting stable attributes in claims and looking up volatile ones at request time.",
        ]),
        ("Rotating Keys and Secrets", [
            "Signing keys should rotate on a schedule, not only after an incident.",
            "Publishing the new key in the JWKS document a day before signing with it gives every cache time to pick it up.",
            "Old keys stay published until the longest-lived token signed with them has expired.",
            "Client secrets for confidential clients rotate the same way, with two valid secrets during the overlap window.",
            "We alert on validation failures by key ID, which makes a botched rotation visible within minutes.",
        ]),
    ],
    code=[
        ("yaml", code("""
            plugins:
              - name: openid-connect
                service: @svc@
                config:
                  issuer: https://login.example.com/realms/platform/.well-known/openid-configuration
                  auth_methods:
                    - bearer
                  audience_required:
                    - @svc@-api
                  scopes_required:
                    - @svc@:read
                  leeway: 30
                  cache_ttl: 300
                  upstream_headers_claims:
                    - sub
                    - tenant_id
                  upstream_headers_names:
                    - X-Subject
                    - X-Tenant-Id
            """)),
        ("bash", code("""
            TOKEN=$(curl -s -X POST https://login.example.com/oauth2/token \\
              -d grant_type=client_credentials \\
              -d client_id="$CLIENT_ID" \\
              -d client_secret="$CLIENT_SECRET" \\
              -d scope="@svc@:read" | jq -r .access_token)

            curl -s https://api.example.com/@svc@/v1/items \\
              -H "Authorization: Bearer $TOKEN"
            """)),
        ("java", code("""
            @Bean
            SecurityFilterChain api(HttpSecurity http) throws Exception {
                http
                    .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/@svc@/**").hasAuthority("SCOPE_@svc@:read")
                        .requestMatchers(HttpMethod.POST, "/@svc@/**").hasAuthority("SCOPE_@svc@:write")
                        .anyRequest().authenticated())
                    .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults()));
                return http.build();
            }
            """)),
    ],
    bullets=[
        "Always check the audience, not just the signature.",
        "Prefer short-lived access tokens and rotate refresh tokens on every use.",
        "Cache JWKS keys, but refresh when you see an unknown key ID.",
        "Never log full tokens; log the key ID and the subject instead.",
        "Strip incoming identity headers before the gateway sets its own.",
    ],
    links=[("the OAuth 2.0 security best current practice", "https://example.com/oauth/security-bcp"),
           ("the OpenID Connect plugin docs", "https://docs.example.com/plugins/openid-connect")],
    alts=["Sequence diagram of an OAuth 2.0 authorization code flow",
          "Illustration of a gateway validating a signed token",
          "Timeline of a JWKS signing key rotation"],
)

topic(
    "mtls",
    subjects=[("Mutual TLS", "mutual TLS"), ("Zero-Trust Networking", "zero-trust networking"),
              ("Service Identity", "service identity")],
    techs=["Kuma", "Istio", "Linkerd", "SPIRE", "cert-manager"],
    tags=["Security", "Service Mesh", "API Security", "Kubernetes", "Microservices"],
    titles=[
        ("howto", "A Practical Guide to mTLS Between Services"),
        ("howto", "Issuing Workload Certificates with @tech@ in Under an Hour"),
        ("story", "Turning On Mesh-Wide mTLS Without a Single Outage"),
        ("deep", "How SPIFFE IDs Give Every Workload a Verifiable Identity"),
        ("compare", "Permissive vs Strict mTLS: Planning the Migration"),
        ("list", "Five Certificate Rotation Failures and How to Prevent Them"),
        ("story", "Retiring Our Internal VPN in Favor of Zero-Trust Service Access"),
        ("deep", "What Happens in a TLS Handshake Between Two Sidecars"),
        ("howto", "Extending mTLS to Virtual Machines Outside Kubernetes"),
        ("story", "Short-Lived Certificates: Moving from One Year to 24 Hours"),
        ("compare", "Network Policies or Mesh Authorization? Layering Your Defenses"),
        ("list", "A Zero-Trust Checklist for Microservice Platforms"),
        ("howto", "Traffic Permissions by Service Identity with @tech@"),
        ("deep", "Certificate Authorities for Meshes: Built-In, Vault or Your Own PKI"),
    ],
    hooks=[
        "Mutual TLS makes both sides of every connection prove who they are before any application data moves.",
        "Inside most networks, services still trust each other based on where a packet came from rather than who sent it.",
        "The cryptography behind mTLS is the easy part; issuing and rotating certificates for every workload is where teams struggle.",
    ],
    intro=[
        "Inside most networks, services still trust each other because of where a packet came from rather than who sent it.",
        "Mutual TLS flips that assumption: both sides of every connection present a certificate and prove their identity before a single byte of application data moves.",
        "The cryptography is the easy part. Issuing, distributing and rotating certificates for @services@ workloads is where teams struggle.",
        "With a mesh or a workload identity system such as @tech@, certificates become an implementation detail that developers rarely have to think about.",
        "Encryption in transit is usually the compliance requirement that starts the project, but identity-based authorization is what makes it worth finishing.",
    ],
    sections=[
        ("Identity Before Encryption", [
            "Every workload needs a name that is meaningful to humans and verifiable by machines.",
            "We encode the namespace and service account into a SPIFFE ID, so a certificate says exactly which workload holds it.",
            "Authorization rules are written against those identities instead of IP ranges that change with every deploy.",
            "Because the identity lives in the certificate, it survives rescheduling, autoscaling and moves between clusters.",
        ]),
        ("Migrating in Permissive Mode", [
            "Flipping straight to strict mTLS breaks every client that has not been enrolled yet.",
            "Permissive mode lets a workload accept both plaintext and mutual TLS while the rest of the fleet catches up.",
            "We tracked the share of plaintext connections per service on a dashboard and only switched a namespace to strict once it reached zero.",
            "The whole migration took @weeks@ weeks across @clusters@ clusters, and most of that time was spent waiting for batch jobs that ran once a month.",
            "Legacy clients outside the mesh were fronted by an ingress gateway that terminated their traffic and re-originated it over mTLS.",
        ]),
        ("Rotation Without Drama", [
            "Short-lived certificates limit the damage of a leaked key, but only if rotation is fully automatic.",
            "Our workload certificates live for 24 hours and are renewed when two thirds of that lifetime has passed.",
            "The root and intermediate certificates rotate far less often, and that rotation is the one to rehearse in staging.",
            "We alert when any certificate is within six hours of expiry, which has caught two misconfigured issuers before they caused an outage.",
        ]),
        ("Authorization Policies", [
            "Once every connection carries an identity, writing allow rules becomes straightforward.",
            "We start from a default deny and add explicit permissions for each service-to-service edge.",
            "Generating the initial policy set from observed traffic saved us from writing hundreds of rules by hand.",
            "Policies live in the same repository as the service manifests, so a new dependency and its permission land in one review.",
        ]),
    ],
    code=[
        ("yaml", code("""
            apiVersion: kuma.io/v1alpha1
            kind: MeshTrafficPermission
            metadata:
              name: allow-web-frontend-to-@svc@
              namespace: kuma-system
            spec:
              targetRef:
                kind: MeshService
                name: @svc@
              from:
                - targetRef:
                    kind: MeshService
                    name: web-frontend
                  default:
                    action: Allow
            """)),
        ("bash", code("""
            # Inspect the certificate a sidecar presents
            openssl s_client -connect @svc@.internal:8443 -showcerts </dev/null 2>/dev/null \\
              | openssl x509 -noout -subject -issuer -dates -ext subjectAltName
            """)),
        ("yaml", code("""
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: @svc@-workload
              namespace: @svc@
            spec:
              secretName: @svc@-tls
              duration: 24h
              renewBefore: 8h
              privateKey:
                algorithm: ECDSA
                size: 256
              uris:
                - spiffe://cluster.local/ns/@svc@/sa/@svc@
              issuerRef:
                name: mesh-intermediate
                kind: ClusterIssuer
            """)),
    ],
    bullets=[
        "Give every workload an identity before writing any policy.",
        "Migrate in permissive mode and measure the remaining plaintext traffic.",
        "Keep certificates short-lived and rotation automatic.",
        "Rehearse root CA rotation in staging at least once a year.",
        "Default deny, then allow each edge explicitly.",
    ],
    links=[("the SPIFFE overview", "https://example.com/spiffe/overview"),
           ("the mesh mTLS guide", "https://docs.example.com/mesh/mtls")],
    alts=["Diagram of two services exchanging certificates over mutual TLS",
          "Illustration of a certificate authority issuing workload identities",
          "Timeline of short-lived certificate rotation"],
)

topic(
    "kubernetes",
    subjects=[("Kubernetes Ingress", "Kubernetes ingress"), ("The Gateway API", "the Gateway API"),
              ("Running Gateways on Kubernetes", "running gateways on Kubernetes")],
    techs=["EKS", "GKE", "AKS", "k3s", "OpenShift"],
    tags=["Kubernetes", "API Gateway", "DevOps", "Automation"],
    titles=[
        ("story", "What We Learned Running @nodes@ Kong Nodes on Kubernetes"),
        ("howto", "Running Kong Gateway on @tech@: A Production Checklist"),
        ("compare", "Ingress or Gateway API? Picking a Kubernetes Routing Model"),
        ("howto", "Migrating from Ingress Resources to the Gateway API"),
        ("deep", "How an Ingress Controller Turns Custom Resources into Routes"),
        ("story", "Zero-Downtime Gateway Upgrades on @tech@"),
        ("list", "Eight Kubernetes Settings Every Gateway Deployment Needs"),
        ("howto", "Autoscaling API Gateways on Request Rate Instead of CPU"),
        ("deep", "Graceful Shutdown, Readiness Probes and Dropped Connections"),
        ("story", "Splitting One Giant Cluster into @clusters@ Smaller Ones"),
        ("howto", "Multi-Tenant Ingress with Namespaces and Gateway Classes"),
        ("list", "Common Helm Chart Mistakes When Deploying Gateways"),
        ("compare", "DB-Less vs Database-Backed Gateways on Kubernetes"),
        ("howto", "Moving a Legacy Monolith Behind a Kubernetes Gateway"),
        ("story", "Surviving a Node Pool Upgrade on @tech@ Without Paging Anyone"),
    ],
    hooks=[
        "Kubernetes makes it easy to run a gateway and surprisingly hard to run one well.",
        "Pod churn, rolling upgrades and node recycling look like small events to the scheduler and like dropped connections to clients.",
        "The Gateway API finally separates what platform teams own from what application teams own.",
    ],
    intro=[
        "Kubernetes makes it easy to run a gateway and surprisingly hard to run one well.",
        "The defaults in most Helm charts are tuned for a laptop demo, not for a fleet that handles @rps@ requests per second.",
        "Our gateways run on @tech@ alongside the services they front, which keeps the network path short and the deployment story consistent.",
        "Pod churn, rolling upgrades and node recycling all look like small events to the scheduler and like dropped connections to clients.",
        "The Gateway API finally gives Kubernetes a routing model that separates what platform teams own from what application teams own.",
    ],
    sections=[
        ("Probes and Graceful Shutdown", [
            "A pod that is marked ready before its configuration has loaded will happily return 404s for every route.",
            "Our readiness probe checks that the gateway has received its first configuration, not just that the process is listening.",
            "On shutdown, a preStop hook sleeps for a few seconds so that endpoints are removed from load balancers before the process stops accepting connections.",
            "The termination grace period must be longer than the longest request you expect to drain, including streaming responses.",
            "Without these settings, every deploy produced a small spike of 502s that nobody could reproduce on demand.",
        ]),
        ("Resource Requests and Autoscaling", [
            "Gateways are latency-sensitive, so CPU limits that trigger throttling do more harm than good.",
            "We set requests based on measured usage at peak and leave CPU limits off, relying on requests for scheduling.",
            "Autoscaling on CPU lags behind traffic spikes; scaling on requests per pod reacts earlier and more predictably.",
            "A PodDisruptionBudget keeps enough replicas running during voluntary disruptions such as node upgrades.",
            "Topology spread constraints make sure a single zone outage cannot take out every replica at once.",
        ]),
        ("Routing with the Gateway API", [
            "The Gateway API splits routing into GatewayClass, Gateway and HTTPRoute, which maps neatly onto who owns what.",
            "Platform teams own the Gateway and its listeners, certificates and addresses.",
            "Application teams attach HTTPRoutes from their own namespaces, with ReferenceGrants controlling what they may point at.",
            "Migrating from Ingress is mostly mechanical, but annotations that carried behavior need to become filters or policies.",
        ]),
        ("Upgrading Without Downtime", [
            "We upgrade the control plane first, then roll data planes one zone at a time.",
            "Every upgrade runs through a canary deployment that receives a small slice of production traffic for an hour.",
            "Version skew between control plane and data planes is supported for one minor version, which gives us room to roll back.",
            "The upgrade playbook is a checklist in the repository, and every step has a command and an expected output.",
        ]),
    ],
    code=[
        ("yaml", code("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: @svc@
              namespace: @svc@
            spec:
              parentRefs:
                - name: public-gateway
                  namespace: gateway-system
              hostnames:
                - api.example.com
              rules:
                - matches:
                    - path:
                        type: PathPrefix
                        value: /@svc@
                  backendRefs:
                    - name: @svc@
                      port: 8080
            """)),
        ("yaml", code("""
            spec:
              template:
                spec:
                  terminationGracePeriodSeconds: 60
                  containers:
                    - name: proxy
                      readinessProbe:
                        httpGet:
                          path: /status/ready
                          port: 8100
                        periodSeconds: 5
                      lifecycle:
                        preStop:
                          exec:
                            command: ["/bin/sh", "-c", "sleep 15"]
                      resources:
                        requests:
                          cpu: "1"
                          memory: 1Gi
            """)),
        ("bash", code("""
            helm repo add kong https://charts.konghq.com
            helm repo update
            helm upgrade --install gateway kong/ingress \\
              --namespace gateway-system --create-namespace \\
              --set gateway.replicaCount=3 \\
              --set gateway.podDisruptionBudget.enabled=true
            """)),
    ],
    bullets=[
        "Readiness should mean the configuration is loaded, not just that the port is open.",
        "Add a preStop sleep so endpoints drain before shutdown.",
        "Avoid CPU limits on latency-sensitive proxies.",
        "Use PodDisruptionBudgets and topology spread constraints.",
        "Upgrade the control plane before the data planes.",
    ],
    links=[("the Gateway API documentation", "https://example.com/gateway-api/docs"),
           ("the Helm chart values reference", "https://docs.example.com/helm/values")],
    alts=["Diagram of gateway pods spread across three availability zones",
          "Illustration of HTTPRoutes attaching to a shared Gateway",
          "Kubernetes cluster with an ingress gateway in front of services"],
)

topic(
    "mesh",
    subjects=[("Service Mesh Traffic Management", "service mesh traffic management"),
              ("Retries and Timeouts", "retries and timeouts"),
              ("Multi-Zone Service Meshes", "multi-zone service meshes")],
    techs=["Kuma", "Istio", "Linkerd", "Consul", "Envoy"],
    tags=["Service Mesh", "Microservices", "Kubernetes", "Observability"],
    titles=[
        ("howto", "Canary Releases Inside the Mesh with @tech@"),
        ("story", "How Retry Storms Took Down Our @Svc@ Service, and How the Mesh Fixed It"),
        ("deep", "Circuit Breakers, Outlier Detection and Why They Are Not the Same"),
        ("compare", "Sidecars vs Ambient Mode: Choosing a Service Mesh Data Plane"),
        ("howto", "Setting Sensible Timeouts Across a Chain of Microservices"),
        ("story", "Running a Multi-Zone Mesh Across @clusters@ Clusters"),
        ("list", "Seven Service Mesh Features You Probably Don't Need Yet"),
        ("deep", "How xDS Pushes Configuration from Control Plane to Proxy"),
        ("howto", "Locality-Aware Load Balancing to Cut Cross-Zone Costs"),
        ("story", "Adopting @tech@ One Namespace at a Time"),
        ("compare", "Client Libraries or a Mesh? Where Resilience Logic Belongs"),
        ("howto", "Fault Injection Drills: Testing Resilience Before Production Does"),
        ("list", "Five Signs Your Mesh Configuration Has Outgrown Its Owners"),
        ("deep", "The Real Latency Cost of a Sidecar Proxy"),
        ("howto", "Migrating Services from VMs into a Mesh Without a Big Bang"),
    ],
    hooks=[
        "A service mesh moves retries, timeouts and load balancing into a layer every team shares.",
        "A single bad retry default can turn a small failure into a fleet-wide outage.",
        "Meshes are easiest to adopt when they start by observing traffic and only later begin to change it.",
    ],
    intro=[
        "A service mesh moves retries, timeouts, load balancing and encryption out of application code and into a layer every team shares.",
        "That shared layer is powerful, but a single bad default can amplify a small failure into a fleet-wide outage.",
        "We run @tech@ across @clusters@ clusters, and most of what we have learned is about restraint rather than features.",
        "When the @svc@ service slows down, every caller's retry policy decides whether it recovers in seconds or drowns under duplicate traffic.",
        "Meshes are easiest to adopt when they start by observing traffic and only later begin to change it.",
    ],
    sections=[
        ("Timeouts That Add Up", [
            "Timeouts need to shrink as you go deeper into a call chain, otherwise an inner service keeps working on requests the caller has already abandoned.",
            "We set each hop's timeout from its measured p99.9 latency plus a margin, and the edge timeout covers the whole chain.",
            "Per-try timeouts are separate from the overall route timeout, and confusing the two is a classic source of surprise.",
            "Default timeouts of fifteen seconds or more hide problems; failing fast makes them visible.",
        ]),
        ("Retries Without Amplification", [
            "A retry is a bet that the next attempt will succeed, and during an overload that bet almost always loses.",
            "We cap retries with a budget, so no more than twenty percent of requests to a service can be retries at any moment.",
            "Only idempotent requests are retried automatically, and only on connection failures or explicitly retryable status codes.",
            "Retrying at every layer multiplies load: three layers with three attempts each can turn one request into twenty-seven.",
            "Exponential backoff with jitter spreads retries out so they do not arrive in synchronized waves.",
        ]),
        ("Outlier Detection and Circuit Breaking", [
            "Outlier detection ejects individual endpoints that return errors, while circuit breakers cap concurrent requests to a whole service.",
            "Ejecting too aggressively can remove most of a small pool, so we cap ejection at a third of endpoints.",
            "Connection and pending-request limits act as back-pressure that protects the upstream during a spike.",
            "Both mechanisms need dashboards, or the first sign that they triggered is a confused developer.",
        ]),
        ("Traffic Splitting and Canaries", [
            "Weighted routing lets a new version receive one percent of traffic while the rest stays on the stable release.",
            "Header-based routing sends internal testers to the canary before any customer sees it.",
            "We promote canaries automatically when error rate and latency stay within bounds for thirty minutes.",
            "Rollback is just a weight change, which makes it fast enough that nobody hesitates to use it.",
        ]),
        ("Multi-Zone Topology", [
            "A global control plane distributes policy, while zone control planes keep serving their data planes even when the global one is unreachable.",
            "Cross-zone traffic is routed through zone ingress proxies, so services never need to know where their dependencies run.",
            "Locality-aware load balancing keeps most traffic inside the zone and only crosses over when local endpoints are unhealthy.",
            "Failover tests run every month, because a failover path that is never exercised is a failover path that does not work.",
        ]),
    ],
    code=[
        ("yaml", code("""
            apiVersion: kuma.io/v1alpha1
            kind: MeshTimeout
            metadata:
              name: @svc@-timeouts
              namespace: kuma-system
            spec:
              targetRef:
                kind: Mesh
              to:
                - targetRef:
                    kind: MeshService
                    name: @svc@
                  default:
                    connectionTimeout: 2s
                    http:
                      requestTimeout: 3s
                      streamIdleTimeout: 30s
            """)),
        ("yaml", code("""
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: @svc@
            spec:
              hosts:
                - @svc@
              http:
                - match:
                    - headers:
                        x-canary:
                          exact: "true"
                  route:
                    - destination:
                        host: @svc@
                        subset: v2
                - route:
                    - destination:
                        host: @svc@
                        subset: v1
                      weight: 95
                    - destination:
                        host: @svc@
                        subset: v2
                      weight: 5
                  retries:
                    attempts: 2
                    perTryTimeout: 800ms
                    retryOn: connect-failure,refused-stream,503
            """)),
        ("yaml", code("""
            clusters:
              - name: @svc@
                connect_timeout: 1s
                outlier_detection:
                  consecutive_5xx: 5
                  interval: 10s
                  base_ejection_time: 30s
                  max_ejection_percent: 33
                circuit_breakers:
                  thresholds:
                    - max_connections: 1024
                      max_pending_requests: 256
                      max_retries: 3
            """)),
    ],
    bullets=[
        "Shrink timeouts as you go deeper into the call chain.",
        "Use retry budgets rather than fixed attempt counts.",
        "Retry only idempotent requests.",
        "Cap outlier ejection so small pools stay available.",
        "Exercise failover paths on a schedule.",
    ],
    links=[("the traffic policy reference", "https://docs.example.com/mesh/policies"),
           ("this write-up on retry budgets", "https://example.com/articles/retry-budgets")],
    alts=["Diagram of a service mesh with sidecar proxies next to each service",
          "Illustration of traffic split between two service versions",
          "Map of mesh zones connected through zone ingress proxies"],
)

topic(
    "observability",
    subjects=[("Distributed Tracing", "distributed tracing"), ("API Observability", "API observability"),
              ("OpenTelemetry Pipelines", "OpenTelemetry pipelines")],
    techs=["Jaeger", "Grafana Tempo", "Zipkin", "ClickHouse"],
    tags=["Observability", "OpenTelemetry", "AIOps", "Performance"],
    titles=[
        ("howto", "Tracing Gateway Traffic End to End with OpenTelemetry and @tech@"),
        ("story", "Cutting Our Observability Bill by @pct@% Without Losing Signal"),
        ("deep", "How Trace Context Propagates Through Gateways, Queues and Threads"),
        ("compare", "Head Sampling vs Tail Sampling for High-Volume APIs"),
        ("howto", "RED Metrics for Every API Route in Fifteen Minutes"),
        ("list", "Six Dashboards Every API Platform Team Should Have"),
        ("story", "From Log Grepping to Traces: Debugging @Svc@ Latency"),
        ("deep", "Inside the OpenTelemetry Collector Pipeline"),
        ("howto", "Writing SLOs for APIs That Product Managers Understand"),
        ("compare", "Metrics, Logs or Traces: Which Signal Answers Which Question"),
        ("story", "Taming High-Cardinality Labels in Prometheus"),
        ("howto", "Correlating Logs and Traces with Exemplars"),
        ("list", "Five Alerts We Deleted and Why We Don't Miss Them"),
        ("deep", "Histograms, Percentiles and Why Averages Lie"),
        ("story", "Building an Error Budget Policy the Whole Org Agreed To"),
    ],
    hooks=[
        "In a distributed system, most of what matters happens between services, which is exactly where logs stop being useful.",
        "The gateway sees every request, which makes it the natural starting point for API observability.",
        "OpenTelemetry has made instrumentation a commodity, so the interesting decisions are now about what to keep.",
    ],
    intro=[
        "You cannot fix what you cannot see, and in a distributed system most of what matters happens between services.",
        "The gateway is the one place that sees every request, which makes it the natural starting point for API observability.",
        "OpenTelemetry has turned instrumentation into a vendor-neutral commodity, so the interesting decisions are now about what to keep.",
        "Our traces end up in @tech@, but the design choices in this post apply to any backend.",
        "When the @svc@ team asked why p99 latency had doubled overnight, the honest answer was that nobody could tell.",
    ],
    sections=[
        ("Start at the Edge", [
            "Instrumenting the gateway gives you request rate, error rate and duration for every route on day one.",
            "The gateway also starts the trace, so every downstream span shares the same trace ID.",
            "We add the route, consumer and upstream status to each span, which answers most first-responder questions.",
            "Services that are not instrumented yet still show up as a single span, which is a useful nudge for their owners.",
        ]),
        ("Propagating Context", [
            "A trace is only as good as its weakest hop, and a single service that drops the traceparent header splits it in two.",
            "We standardized on W3C Trace Context and configured the gateway to accept legacy B3 headers during the transition.",
            "Message queues need the context stored in message headers so that consumers can continue the trace.",
            "Thread pools and async callbacks are the other common place where context silently disappears.",
        ]),
        ("Sampling Without Losing the Interesting Bits", [
            "Keeping every span for @rps@ requests per second is expensive and mostly pointless.",
            "Head sampling decides up front and is cheap, but it cannot know which requests will turn out to be slow or failing.",
            "Tail sampling in the collector waits for the whole trace and keeps every error, every slow request and a small share of the rest.",
            "That policy cut our storage by @pct@ percent while keeping every trace anyone ever asked about.",
            "Metrics are always computed before sampling, so dashboards stay accurate no matter how aggressive the sampling is.",
        ]),
        ("Alerts Worth Waking Up For", [
            "We alert on symptoms that users feel, such as error rate and latency against an SLO, not on CPU or memory.",
            "Burn-rate alerts fire quickly for severe problems and slowly for gradual ones, which removed most of our flapping pages.",
            "Every alert links to a dashboard and a runbook, and an alert without a runbook does not get merged.",
            "We review every page in the weekly operations meeting and delete alerts that nobody acted on.",
        ]),
        ("Keeping Cardinality Under Control", [
            "Labels such as user ID or full URL path create a new time series for every value and quietly explode storage costs.",
            "Routes are recorded as templates like /@svc@/{id} rather than as concrete paths.",
            "High-cardinality details belong in traces and logs, where they are cheap to store and easy to search.",
            "A weekly report of the fastest-growing metrics catches new offenders before they reach the bill.",
        ]),
    ],
    code=[
        ("yaml", code("""
            receivers:
              otlp:
                protocols:
                  grpc:
                  http:
            processors:
              batch:
              tail_sampling:
                decision_wait: 10s
                policies:
                  - name: keep-errors
                    type: status_code
                    status_code:
                      status_codes: [ERROR]
                  - name: keep-slow
                    type: latency
                    latency:
                      threshold_ms: 500
                  - name: baseline
                    type: probabilistic
                    probabilistic:
                      sampling_percentage: 5
            exporters:
              otlp:
                endpoint: traces.observability:4317
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  processors: [tail_sampling, batch]
                  exporters: [otlp]
            """)),
        ("promql", code("""
            # Error ratio per route over five minutes
            sum by (route) (rate(http_requests_total{service="@svc@", status=~"5.."}[5m]))
              /
            sum by (route) (rate(http_requests_total{service="@svc@"}[5m]))

            # p99 latency per route
            histogram_quantile(0.99,
              sum by (route, le) (rate(http_request_duration_seconds_bucket{service="@svc@"}[5m])))
            """)),
        ("yaml", code("""
            plugins:
              - name: opentelemetry
                config:
                  traces_endpoint: http://otel-collector.observability:4318/v1/traces
                  resource_attributes:
                    service.name: api-gateway
                    deployment.environment: production
                  header_type: w3c
                  sampling_rate: 1.0
            """)),
    ],
    bullets=[
        "Instrument the gateway first; it sees every request.",
        "Standardize on one propagation format.",
        "Compute metrics before sampling traces.",
        "Alert on SLO burn rate, not on resource usage.",
        "Keep user IDs and raw paths out of metric labels.",
    ],
    links=[("the OpenTelemetry Collector docs", "https://example.com/opentelemetry/collector"),
           ("our SLO workshop notes", "https://example.com/slo-workshop")],
    alts=["Trace waterfall showing spans across the gateway and services",
          "Dashboard with request rate, error rate and latency panels",
          "Diagram of an OpenTelemetry Collector pipeline"],
)

topic(
    "postgres",
    subjects=[("PostgreSQL Schema Migrations", "PostgreSQL schema migrations"),
              ("Database Performance", "database performance"),
              ("Connection Pooling", "connection pooling")],
    techs=["Flyway", "Liquibase", "Sqitch", "Atlas"],
    tags=["PostgreSQL", "Databases", "Performance", "DevOps"],
    titles=[
        ("howto", "Zero-Downtime Schema Migrations with PostgreSQL and @tech@"),
        ("story", "How a Missing Index Cost Us a Weekend and @pct@% of Our Headroom"),
        ("deep", "What Really Happens When You Add a Column in PostgreSQL"),
        ("howto", "Connection Pooling with PgBouncer for Bursty API Traffic"),
        ("compare", "Expand and Contract vs Blue-Green Databases"),
        ("list", "Nine PostgreSQL Settings to Check Before Your Next Traffic Spike"),
        ("story", "Partitioning a 2 TB Events Table Without Downtime"),
        ("deep", "Reading EXPLAIN ANALYZE Output Without Guessing"),
        ("howto", "Testing Database Migrations Against Production-Sized Data"),
        ("story", "Moving @Svc@ from MySQL to PostgreSQL in @Weeks@ Weeks"),
        ("compare", "Advisory Locks, SKIP LOCKED and Job Queues in PostgreSQL"),
        ("howto", "Safe Backfills: Updating Millions of Rows in Small Batches"),
        ("list", "Six Lock Types That Surprise Teams During Migrations"),
        ("deep", "Vacuum, Bloat and Why Your Table Keeps Growing"),
        ("story", "What We Learned Running Read Replicas for a Write-Heavy API"),
    ],
    hooks=[
        "Most database outages we have seen started with a schema change that looked harmless in review.",
        "PostgreSQL is forgiving until a table grows past the size where every lock and every full scan matters.",
        "Treating the schema as code is the first step; knowing how PostgreSQL executes each change is the second.",
    ],
    intro=[
        "Most database outages we have seen did not start with hardware failures; they started with a schema change that looked harmless in review.",
        "PostgreSQL is remarkably forgiving until a table grows past the size where every lock and every full scan suddenly matters.",
        "The @svc@ database serves @rps@ queries per second at peak, which leaves very little room for a migration that blocks writes.",
        "Migration tools such as @tech@ keep changes ordered and repeatable, but they cannot tell you whether a change is safe to run under load.",
        "Treating the schema as code, reviewed and versioned like everything else, is the first step; knowing how PostgreSQL executes each change is the second.",
    ],
    sections=[
        ("Locks Are the Real Risk", [
            "Almost every DDL statement takes a lock, and the dangerous ones conflict with ordinary reads and writes.",
            "The lock itself is often brief, but it waits in a queue behind long-running transactions and blocks everything behind it.",
            "Setting lock_timeout to a few seconds turns a potential outage into a failed migration that can simply be retried.",
            "Creating indexes concurrently avoids blocking writes, at the cost of taking longer and not running inside a transaction.",
            "Adding a foreign key as NOT VALID and validating it separately keeps the heavy scan out of the critical lock.",
        ]),
        ("Expand and Contract", [
            "Breaking changes are split into steps that are each backward compatible with the running application.",
            "First add the new column or table, then deploy code that writes to both, then backfill, then switch reads, and only then drop the old structure.",
            "Each step can be deployed and rolled back on its own, which turns one risky release into several boring ones.",
            "The contract step waits at least one release cycle, because rolling back code that expects a dropped column is not possible.",
        ]),
        ("Backfills in Batches", [
            "Updating every row in one statement creates a huge transaction, bloats the table and floods replicas with WAL.",
            "We backfill in batches of a few thousand rows keyed by primary key, with a short pause between batches.",
            "The backfill job is idempotent and records its progress, so it can be stopped and resumed at any time.",
            "Replication lag is the throttle: if replicas fall behind by more than a few seconds, the job waits.",
        ]),
        ("Connections and Pooling", [
            "Each PostgreSQL connection is a process with its own memory, so thousands of idle connections are expensive.",
            "A transaction-mode pooler lets hundreds of application instances share a few dozen server connections.",
            "Transaction pooling breaks session state such as advisory locks held across transactions, so check your driver settings.",
            "We size the pool from measured concurrency rather than from the number of application pods.",
        ]),
        ("Reading Query Plans", [
            "EXPLAIN shows the plan PostgreSQL intends to use; EXPLAIN ANALYZE runs the query and shows what actually happened.",
            "Large differences between estimated and actual row counts usually point to stale statistics or correlated columns.",
            "A sequential scan is not automatically bad, but a sequential scan on a growing table inside a hot path eventually is.",
            "We capture slow query plans automatically with auto_explain so that nobody has to reproduce the problem by hand.",
        ]),
    ],
    code=[
        ("sql", code("""
            SET lock_timeout = '3s';
            SET statement_timeout = '15min';

            ALTER TABLE @svc@ ADD COLUMN external_ref text;

            -- run outside a transaction
            CREATE INDEX CONCURRENTLY IF NOT EXISTS @svc@_external_ref_idx
                ON @svc@ (external_ref);
            """)),
        ("sql", code("""
            -- Backfill in batches of 5,000 rows; repeat until it updates nothing
            WITH batch AS (
                SELECT id
                FROM @svc@
                WHERE external_ref IS NULL
                ORDER BY id
                LIMIT 5000
                FOR UPDATE SKIP LOCKED
            )
            UPDATE @svc@ AS t
            SET external_ref = 'legacy-' || t.id
            FROM batch
            WHERE t.id = batch.id;
            """)),
        ("ini", code("""
            [databases]
            @svc@ = host=@svc@-db.internal port=5432 dbname=@svc@

            [pgbouncer]
            listen_port = 6432
            pool_mode = transaction
            max_client_conn = 4000
            default_pool_size = 40
            server_idle_timeout = 60
            """)),
    ],
    bullets=[
        "Set lock_timeout on every migration.",
        "Create indexes concurrently.",
        "Split breaking changes into expand and contract steps.",
        "Backfill in small batches and watch replication lag.",
        "Size connection pools from measured concurrency.",
    ],
    links=[("the PostgreSQL documentation on explicit locking", "https://example.com/postgresql/explicit-locking"),
           ("our migration checklist", "https://example.com/checklists/db-migrations")],
    alts=["Diagram of an expand and contract schema migration",
          "Query plan tree from EXPLAIN ANALYZE",
          "Illustration of application pods sharing a connection pool"],
)

topic(
    "caching",
    subjects=[("API Response Caching", "API response caching"), ("Cache Invalidation", "cache invalidation"),
              ("Caching at the Edge", "caching at the edge")],
    techs=["Redis", "Memcached", "Valkey"],
    tags=["Caching", "Performance", "API Gateway", "Databases"],
    titles=[
        ("howto", "Caching API Responses at the Gateway with @tech@"),
        ("story", "How a Shared Cache Took @Svc@ Latency Down to Single Digits"),
        ("deep", "ETags, Conditional Requests and the Cheapest Response of All"),
        ("compare", "Cache-Aside, Read-Through or Write-Through for API Backends"),
        ("list", "Seven Cache Invalidation Bugs We Have Shipped"),
        ("howto", "Preventing Cache Stampedes with Request Coalescing"),
        ("deep", "Choosing Cache Keys for Multi-Tenant APIs"),
        ("story", "Moving from In-Process Caches to a Shared @tech@ Cluster"),
        ("howto", "Stale-While-Revalidate for APIs That Must Never Be Slow"),
        ("compare", "TTLs vs Event-Driven Invalidation for API Caches"),
        ("list", "Five Headers That Decide Whether Your API Gets Cached"),
        ("deep", "Negative Caching: Remembering What Isn't There"),
        ("story", "The Day Our Cache Hit Rate Dropped to Zero"),
        ("howto", "Caching GraphQL Responses Without Leaking Private Data"),
    ],
    hooks=[
        "The fastest request is the one your backend never sees.",
        "Caching is the most effective performance tool we have and the most reliable source of confusing bugs.",
        "Deciding what to cache is easy; deciding when cached data stops being true is the hard part.",
    ],
    intro=[
        "The fastest request is the one your backend never sees.",
        "Caching is the most effective performance tool we have and also the most reliable source of confusing bugs.",
        "For read-heavy APIs like @svc@, more than @pct@ percent of requests ask for data that has not changed since the last time someone asked.",
        "A shared cache in @tech@ lets every gateway node benefit from work done by the others.",
        "Deciding what to cache is easy; deciding when cached data stops being true is the part that keeps people up at night.",
    ],
    sections=[
        ("Deciding What to Cache", [
            "Good candidates are responses that are expensive to compute, requested often and tolerant of being slightly stale.",
            "Catalog data, configuration and reference lists usually qualify, while balances and inventory counts rarely do.",
            "We start by measuring request frequency and change frequency per route, which makes the candidates obvious.",
            "Anything personalized must include the user or tenant in the cache key, or it must not be cached at all.",
        ]),
        ("Keys and Variants", [
            "A cache key is everything that can change the response: method, path, relevant query parameters and certain headers.",
            "Normalizing query parameters by sorting them and dropping tracking parameters raised our hit rate noticeably.",
            "The Vary header tells shared caches which request headers affect the response, and forgetting it leaks one user's data to another.",
            "We include a schema version in every key so that a deploy that changes the response shape never serves old entries.",
        ]),
        ("Invalidation", [
            "Short TTLs are simple and self-healing, and for many APIs they are all you need.",
            "When data must be fresh immediately, the service publishes a change event and a small consumer purges the matching keys.",
            "Tag-based purging lets one event invalidate every response that included a given entity.",
            "We still keep a TTL on event-invalidated entries as a safety net for missed events.",
        ]),
        ("Stampedes and Stale Data", [
            "When a popular entry expires, hundreds of concurrent requests can miss at once and hit the backend together.",
            "Request coalescing lets one request refresh the entry while the others wait for its result.",
            "Stale-while-revalidate serves the expired entry immediately and refreshes it in the background.",
            "Adding a little random jitter to TTLs stops thousands of keys from expiring in the same second.",
        ]),
    ],
    code=[
        ("yaml", code("""
            plugins:
              - name: proxy-cache
                service: @svc@
                config:
                  strategy: memory
                  content_type:
                    - application/json
                  cache_ttl: 30
                  request_method:
                    - GET
                    - HEAD
                  response_code:
                    - 200
                    - 301
                    - 404
                  vary_headers:
                    - Accept-Language
            """)),
        ("go", code("""
            var group singleflight.Group

            func (c *Cache) Get(ctx context.Context, key string) ([]byte, error) {
            	if v, ok := c.local.Get(key); ok {
            		return v, nil
            	}
            	// Only one caller per key refreshes; the others wait for its result.
            	v, err, _ := group.Do(key, func() (any, error) {
            		return c.loadAndStore(ctx, key)
            	})
            	if err != nil {
            		return nil, err
            	}
            	return v.([]byte), nil
            }
            """)),
        ("bash", code("""
            $ curl -si https://api.example.com/@svc@/v1/items/42 | grep -i etag
            etag: "9f2c1b7e"

            $ curl -si https://api.example.com/@svc@/v1/items/42 \\
                -H 'If-None-Match: "9f2c1b7e"' | head -1
            HTTP/2 304
            """)),
    ],
    bullets=[
        "Measure request and change frequency before choosing TTLs.",
        "Put the tenant and user in the key for anything personalized.",
        "Set Vary correctly on shared caches.",
        "Add jitter to TTLs.",
        "Keep a TTL even when invalidating by event.",
    ],
    links=[("the HTTP caching specification", "https://example.com/rfc/http-caching"),
           ("the proxy cache plugin reference", "https://docs.example.com/plugins/proxy-cache")],
    alts=["Diagram of a gateway cache in front of an API backend",
          "Chart of cache hit ratio over a week",
          "Illustration of cache entries expiring with random jitter"],
)

topic(
    "events",
    subjects=[("Event-Driven APIs", "event-driven APIs"), ("Kafka in Production", "Kafka in production"),
              ("Event Streaming Governance", "event streaming governance")],
    techs=["Kafka", "Redpanda", "NATS JetStream", "Pulsar"],
    tags=["Event Gateway", "Kafka", "Microservices", "API Design", "API Management"],
    titles=[
        ("howto", "Exposing @tech@ Topics to Partners Through an Event Gateway"),
        ("story", "What We Learned Replacing Webhooks with a Streaming API"),
        ("deep", "Exactly-Once Semantics in Kafka: What It Does and Doesn't Promise", "Kafka"),
        ("compare", "Webhooks, Server-Sent Events or Kafka: Delivering Events to Clients", "Kafka"),
        ("howto", "Schema Evolution for Event Streams Without Breaking Consumers"),
        ("list", "Six Kafka Consumer Settings That Cause Silent Data Loss", "Kafka"),
        ("story", "Running @tech@ for @teams@ Teams on One Shared Platform"),
        ("deep", "Partitions, Keys and Ordering Guarantees Explained with Examples"),
        ("howto", "The Transactional Outbox Pattern with PostgreSQL and Kafka", "Kafka"),
        ("compare", "Event Notification vs Event-Carried State Transfer"),
        ("list", "Five Questions to Ask Before Making Something an Event"),
        ("story", "Debugging Consumer Lag at Two in the Morning"),
        ("howto", "Applying Topic-Level Access Control with an Event Gateway"),
        ("deep", "Dead-Letter Queues, Retries and Poison Messages"),
    ],
    hooks=[
        "Request-response APIs tell you what is true right now; event streams tell you what changed and when.",
        "Events decouple producers from consumers, which is wonderful until nobody knows who depends on a topic.",
        "An event gateway puts authentication, quotas and a catalog in front of streams, just as an API gateway does for HTTP.",
    ],
    intro=[
        "Request-response APIs tell you what is true right now; event streams tell you what changed and when.",
        "Events decouple producers from consumers, which is wonderful until nobody knows who depends on a topic.",
        "Our platform runs @tech@ for @teams@ teams, and the hardest problems have been about ownership and contracts, not throughput.",
        "When the @svc@ service started publishing its changes as events, the number of polling clients dropped almost overnight.",
        "An event gateway puts the same controls in front of streams that an API gateway puts in front of HTTP: authentication, quotas and a catalog of what exists.",
    ],
    sections=[
        ("Designing Events as Contracts", [
            "An event schema is a public API, and it deserves the same review and versioning discipline as an HTTP endpoint.",
            "We register every schema and enforce backward compatibility, so consumers can upgrade on their own schedule.",
            "Event names describe facts in the past tense, such as OrderPlaced or PaymentCaptured, never commands.",
            "Each event carries an ID, a timestamp, a source and a schema version alongside its payload.",
        ]),
        ("Keys, Partitions and Ordering", [
            "Ordering is only guaranteed within a partition, so the message key decides which events stay in order.",
            "Keying by entity ID keeps all changes to one entity in sequence while spreading load across partitions.",
            "Hot keys, like a single giant tenant, can overload one partition while the others sit idle.",
            "Increasing the partition count later changes the key-to-partition mapping, so we plan partitions for the next two years of growth.",
        ]),
        ("Reliable Publishing", [
            "Writing to the database and publishing an event in the same request is a distributed transaction in disguise.",
            "The transactional outbox writes the event to a table in the same transaction as the business change.",
            "A relay process reads the outbox and publishes to the broker, retrying until the broker acknowledges.",
            "Consumers must still be idempotent, because at-least-once delivery means duplicates will happen.",
        ]),
        ("Consumers and Failure Handling", [
            "A message that always fails processing will block its partition forever unless something moves it aside.",
            "We retry a few times with backoff and then send the message to a dead-letter topic with the error attached.",
            "Dead-letter topics are monitored like any other queue, and every entry gets triaged within a day.",
            "Consumer lag is the single most useful health metric for a streaming system.",
        ]),
        ("Governance Through a Gateway", [
            "Letting every client connect directly to brokers makes access control and quotas hard to enforce consistently.",
            "An event gateway in front of the cluster authenticates clients with the same identity provider as our HTTP APIs.",
            "Virtual topics give partners a filtered view of the data without exposing internal topic names.",
            "Produce and consume quotas per client keep one runaway job from starving everyone else.",
        ]),
    ],
    code=[
        ("java", code("""
            @Transactional
            public Order placeOrder(PlaceOrder command) {
                Order order = orders.save(Order.from(command));
                outbox.save(new OutboxEvent(
                        UUID.randomUUID(),
                        "OrderPlaced",
                        order.id().toString(),
                        json.write(new OrderPlaced(order.id(), order.total(), Instant.now()))));
                return order;
            }
            """)),
        ("properties", code("""
            bootstrap.servers=events.internal:9092
            group.id=@svc@-projector
            enable.auto.commit=false
            auto.offset.reset=earliest
            isolation.level=read_committed
            max.poll.records=200
            max.poll.interval.ms=300000
            """), "Kafka"),
        ("bash", code("""
            kafka-consumer-groups.sh --bootstrap-server events.internal:9092 \\
              --describe --group @svc@-projector

            # TOPIC          PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG
            # @svc@.events   0          1842201         1842230         29
            # @svc@.events   1          1839876         1839876         0
            """), "Kafka"),
    ],
    bullets=[
        "Treat event schemas as public APIs.",
        "Key by entity ID to keep per-entity ordering.",
        "Publish through an outbox, not from request handlers.",
        "Make every consumer idempotent.",
        "Monitor consumer lag and dead-letter topics.",
    ],
    links=[("the schema registry compatibility guide", "https://docs.example.com/schema-registry/compatibility"),
           ("this overview of the outbox pattern", "https://example.com/patterns/transactional-outbox")],
    alts=["Diagram of producers and consumers connected through an event gateway",
          "Illustration of a topic split into partitions",
          "Chart of consumer lag over time"],
)

topic(
    "ai-gateway",
    subjects=[("AI Gateways", "AI gateways"), ("LLM Traffic Governance", "LLM traffic governance"),
              ("Prompt Security", "prompt security")],
    techs=["OpenAI", "Anthropic", "Mistral", "Gemini"],
    tags=["AI Gateway", "AI Security", "Rate Limiting", "API Gateway", "Observability"],
    titles=[
        ("howto", "Routing LLM Traffic Between @tech@ and Self-Hosted Models"),
        ("story", "How We Cut Our LLM Bill by @pct@% with an AI Gateway"),
        ("deep", "Semantic Caching for LLM APIs: How Similar Is Similar Enough?"),
        ("howto", "Token-Based Rate Limits for Internal AI Applications"),
        ("list", "Seven Prompt Injection Patterns and the Guardrails That Catch Them"),
        ("compare", "Calling Model Providers Directly vs Through an AI Gateway"),
        ("story", "Rolling Out Generative AI to @teams@ Teams Without Losing Track of Spend"),
        ("deep", "What an AI Gateway Logs, and What It Should Never Log"),
        ("howto", "Redacting PII from Prompts Before They Leave Your Network"),
        ("compare", "Prompt Guards, Output Filters or Both? Layering AI Security"),
        ("list", "Five Metrics Every Team Running LLM Features Should Watch"),
        ("howto", "Failover Between Model Providers When One Goes Down"),
        ("story", "Governing MCP Servers and Agent Tool Calls at the Gateway"),
        ("deep", "Streaming Responses Through a Gateway Without Breaking Policies"),
        ("howto", "Centralizing Prompt Templates Behind a Versioned API"),
    ],
    hooks=[
        "LLM traffic is still API traffic: it needs authentication, rate limits, observability and a way to switch providers.",
        "Tokens, not requests, are the unit of cost for AI features, and that changes how you govern them.",
        "Prompt injection is an input validation problem with an unusually creative attacker.",
    ],
    intro=[
        "Within a year, most of our product teams had shipped at least one feature backed by a large language model, and each had its own API keys, retries and logging.",
        "LLM traffic is still API traffic: it needs authentication, rate limits, observability and a way to switch providers without redeploying every client.",
        "What makes it different is the unit of cost, which is tokens rather than requests, and the payload, which may contain sensitive data in free text.",
        "An AI gateway sits between applications and providers such as @tech@, enforcing policy in one place.",
        "The @team@ team started this project after a single runaway batch job consumed a month of model budget in a weekend.",
    ],
    sections=[
        ("One Entry Point for Every Model", [
            "Applications call a single internal endpoint and name a model alias rather than a provider.",
            "The gateway maps aliases to providers and versions, so switching models is a configuration change.",
            "Provider credentials live only in the gateway, which removed dozens of API keys from application secrets.",
            "Request and response formats are normalized so that teams can compare providers without rewriting code.",
        ]),
        ("Budgets and Token Limits", [
            "Rate limits expressed in requests per minute are meaningless when one request can cost a thousand times more than another.",
            "We count prompt and completion tokens per consumer and enforce limits per minute and budgets per month.",
            "Teams receive alerts at fifty and eighty percent of their monthly budget, long before anything is blocked.",
            "Semantic caching answers repeated questions from cache and was responsible for about @pct@ percent of our savings.",
        ]),
        ("Guardrails for Prompts and Responses", [
            "Prompt injection is an input validation problem with an unusually creative attacker.",
            "The gateway checks prompts against deny patterns and a classifier before they reach the model.",
            "Personally identifiable information is detected and masked on the way out and restored on the way back where appropriate.",
            "Responses are checked too, because a model can be convinced to repeat data it should not reveal.",
            "No guardrail is perfect, so we treat them as layers of defense rather than a single gate.",
        ]),
        ("Observability for AI Traffic", [
            "We log model, token counts, latency and cost for every request, but never the raw prompt by default.",
            "Time to first token matters more to users than total latency for streaming responses.",
            "Dashboards per team show cost trends, cache hit rate and error rates per provider.",
            "Traces connect the user-facing request to every model call it made, which is essential once agents start chaining calls.",
        ]),
    ],
    code=[
        ("yaml", code("""
            plugins:
              - name: ai-proxy
                route: chat
                config:
                  route_type: llm/v1/chat
                  model:
                    provider: openai
                    name: gpt-4o-mini
                  auth:
                    header_name: Authorization
                    header_value: "Bearer {vault://ai/openai-key}"
              - name: ai-rate-limiting-advanced
                route: chat
                config:
                  llm_providers:
                    - name: openai
                      limit: [20000]
                      window_size: [60]
            """)),
        ("python", code("""
            import os
            import requests

            resp = requests.post(
                "https://ai-gateway.internal/v1/chat/completions",
                headers={"apikey": os.environ["GATEWAY_KEY"]},
                json={
                    "model": "summarizer-default",
                    "messages": [
                        {"role": "system", "content": "Summarize support tickets in two sentences."},
                        {"role": "user", "content": ticket_text},
                    ],
                },
                timeout=30,
            )
            resp.raise_for_status()
            print(resp.json()["choices"][0]["message"]["content"])
            """)),
        ("yaml", code("""
            plugins:
              - name: ai-prompt-guard
                config:
                  allow_all_conversation_history: false
                  deny_patterns:
                    - "(?i)ignore (all|any) previous instructions"
                    - "(?i)reveal (the|your) system prompt"
                    - "\\\\b\\\\d{3}-\\\\d{2}-\\\\d{4}\\\\b"
            """)),
    ],
    bullets=[
        "Give applications model aliases, not provider names.",
        "Limit and budget by tokens, not requests.",
        "Keep provider keys in the gateway only.",
        "Do not log raw prompts by default.",
        "Layer prompt guards, PII redaction and output checks.",
    ],
    links=[("the AI gateway quickstart", "https://docs.example.com/ai-gateway/quickstart"),
           ("the OWASP notes on LLM risks", "https://example.com/owasp/llm-top-10")],
    alts=["Diagram of applications calling several model providers through an AI gateway",
          "Dashboard of token usage and cost per team",
          "Illustration of a prompt passing through guardrails"],
)

topic(
    "platform",
    subjects=[("Platform Engineering", "platform engineering"),
              ("Internal Developer Platforms", "internal developer platforms"),
              ("Golden Paths", "golden paths")],
    techs=["Backstage", "Port", "Cortex"],
    tags=["Platform Engineering", "DevOps", "Automation", "Kubernetes"],
    titles=[
        ("story", "Building an Internal Developer Platform for @teams@ Teams"),
        ("howto", "Golden Paths: Scaffolding a Production-Ready Service in Ten Minutes"),
        ("deep", "Platform as a Product: Roadmaps, Users and Support Tiers"),
        ("howto", "Building a Service Catalog with @tech@ That Engineers Actually Use"),
        ("compare", "Build, Buy or Assemble: Choosing Your Developer Portal"),
        ("list", "Eight Metrics for Measuring an Internal Platform"),
        ("story", "How We Cut Time-to-First-Deploy from Two Weeks to One Day"),
        ("deep", "Paved Roads, Not Walled Gardens: Designing Escape Hatches"),
        ("howto", "Self-Service API Onboarding with Templates and Policy Checks"),
        ("story", "What We Got Wrong in Our First Year of Platform Engineering"),
        ("list", "Six Anti-Patterns That Turn Platforms into Ticket Queues"),
        ("compare", "Abstractions over Kubernetes: How Much Should You Hide?"),
        ("howto", "Scorecards That Nudge Services Toward Production Readiness"),
        ("deep", "Why Every Internal Platform Needs a Changelog"),
    ],
    hooks=[
        "Every engineering organization has a platform; the only question is whether anyone designed it.",
        "A good internal platform makes the right way the easy way without making every other way impossible.",
        "Treating the platform as a product means it has users, a roadmap and a support rotation.",
    ],
    intro=[
        "Every engineering organization has a platform; the only question is whether anyone designed it.",
        "As the number of services grew past @services@, the cost of every team solving deployment, observability and security on its own became impossible to ignore.",
        "A good internal platform makes the right way the easy way, without making every other way impossible.",
        "The @team@ team treats the platform as a product, with users, a roadmap and a support rotation.",
        "We track platform adoption the same way product teams track features, and we retire paths that nobody uses.",
    ],
    sections=[
        ("Start with the Journeys", [
            "Before building anything, we interviewed developers about the tasks that took them longest.",
            "Creating a new service, getting it into production and finding out why it is slow topped every list.",
            "Each golden path starts from one of those journeys rather than from a technology we wanted to roll out.",
            "Writing the journey down as a sequence of steps made it obvious which steps could disappear entirely.",
        ]),
        ("Templates and Golden Paths", [
            "A service template bundles a build pipeline, deployment manifests, dashboards, alerts and a gateway route.",
            "New services start from the template and receive updates through automated pull requests.",
            "Templates are versioned, and the catalog shows which version each service is on.",
            "Teams can leave the golden path whenever they need to, but they then own what they change.",
        ]),
        ("The Service Catalog", [
            "The catalog answers the questions on-call engineers ask most: who owns this, where does it run and what does it depend on.",
            "Ownership metadata lives in a small file next to the code, so it is reviewed like any other change.",
            "API specifications are published to the catalog automatically on every merge.",
            "Scorecards show which services meet production-readiness standards and which ones need attention.",
        ]),
        ("Measuring the Platform", [
            "Adoption numbers alone can hide a platform that people use only because they have to.",
            "We track time to first deploy, deployment frequency, change failure rate and a quarterly developer survey.",
            "Support tickets are tagged by cause, and recurring causes become roadmap items.",
            "The most useful metric turned out to be how long a new engineer needs to ship a change in their first week.",
        ]),
    ],
    code=[
        ("yaml", code("""
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: @svc@-service
              description: Owns the @svc@ domain and its public API
              annotations:
                github.com/project-slug: acme/@svc@-service
            spec:
              type: service
              lifecycle: production
              owner: team-@team_slug@
              system: commerce
              providesApis:
                - @svc@-api
            """)),
        ("bash", code("""
            $ platform new service --template go-http --name @svc@-service --owner team-@team_slug@
            ✔ Repository created: acme/@svc@-service
            ✔ Pipeline registered
            ✔ Gateway route reserved: /@svc@
            ✔ Dashboards and alerts provisioned
            Next: git clone https://git.example.com/acme/@svc@-service
            """)),
        ("yaml", code("""
            scorecard: production-readiness
            checks:
              - id: has-owner
                rule: metadata.owner != ""
              - id: has-runbook
                rule: links contains "runbook"
              - id: slo-defined
                rule: annotations["slo/availability"] exists
              - id: gateway-auth
                rule: api.gateway.plugins contains "openid-connect"
              - id: template-current
                rule: template.version >= "4.2"
            """)),
    ],
    bullets=[
        "Start from developer journeys, not technologies.",
        "Ship templates with dashboards and alerts included.",
        "Keep ownership metadata next to the code.",
        "Measure time to first deploy.",
        "Leave escape hatches, and be clear about who owns what beyond them.",
    ],
    links=[("the platform engineering maturity model", "https://example.com/platform/maturity-model"),
           ("the catalog documentation", "https://docs.example.com/catalog")],
    alts=["Diagram of an internal developer platform with golden paths",
          "Illustration of a service catalog listing owners and dependencies",
          "Illustration of developers walking along a paved road"],
)

topic(
    "gitops",
    subjects=[("GitOps for API Configuration", "GitOps for API configuration"),
              ("Infrastructure as Code", "infrastructure as code"),
              ("Continuous Delivery", "continuous delivery")],
    techs=["Terraform", "Argo CD", "Flux", "GitHub Actions", "decK"],
    tags=["Automation", "CI/CD", "DevOps", "API Management", "Terraform"],
    titles=[
        ("howto", "Managing Gateway Configuration as Code with @tech@"),
        ("story", "From Click-Ops to GitOps: Moving @services@ Routes into Git"),
        ("howto", "Drift Detection for API Gateways in a CI Pipeline"),
        ("deep", "How Declarative Config Sync Computes a Diff"),
        ("compare", "Terraform vs Kubernetes CRDs for API Configuration", "Terraform"),
        ("list", "Seven Terraform Module Mistakes We Made So You Don't Have To", "Terraform"),
        ("story", "Promoting API Changes Across Environments Without Copy and Paste"),
        ("howto", "Policy as Code: Blocking Risky Gateway Changes in Pull Requests"),
        ("deep", "Terraform State, Locking and the Blast Radius of a Bad Apply", "Terraform"),
        ("howto", "Canary Deployments with @tech@ and Automated Rollback"),
        ("compare", "Monorepo or Repo per Team for Gateway Configuration?"),
        ("list", "Five Checks Every Deployment Pipeline Should Run"),
        ("story", "Shipping @pct@% Faster After Rebuilding Our CI Pipeline"),
        ("howto", "Secrets in GitOps Workflows Without Committing Secrets"),
    ],
    hooks=[
        "If a change to production cannot be reviewed, reproduced and reverted, it will eventually cause an outage nobody can explain.",
        "Gateway configuration is code in everything but name: routes, plugins and credentials decide how every request is handled.",
        "Declarative configuration turns every deployment into a diff between what is running and what is in Git.",
    ],
    intro=[
        "If a change to production cannot be reviewed, reproduced and reverted, it will eventually cause an outage that nobody can explain.",
        "Gateway configuration is code in everything but name: routes, plugins and credentials decide how every request is handled.",
        "We manage our API configuration with @tech@, and every change goes through a pull request.",
        "The @team@ team used to apply changes through the admin UI, which worked until two people changed the same route on the same afternoon.",
        "Declarative configuration turns deployments into a diff between what is running and what is in Git.",
    ],
    sections=[
        ("Everything in Git", [
            "Routes, services, plugins and consumers are described in files that live next to the service they belong to.",
            "A pull request is the only way to change production, and the pipeline is the only thing with write credentials.",
            "Reviewers see a rendered diff of the effective gateway configuration, not just the changed YAML.",
            "The history of every route is now one git log away, which has settled more than one debate.",
        ]),
        ("The Pipeline", [
            "Every pull request validates the configuration against the schema and lints it for policy violations.",
            "A dry run against staging shows exactly which entities will be created, updated or deleted.",
            "Merges to main deploy to staging automatically, and promotion to production is a tagged release.",
            "Failed deploys roll back by re-applying the previous tag, which takes under a minute.",
        ]),
        ("Drift and Reconciliation", [
            "Drift happens whenever someone makes an emergency change directly in production.",
            "A scheduled job compares the live configuration with Git and opens an issue when they differ.",
            "We chose to alert on drift rather than silently overwrite it, because emergency changes usually exist for a reason.",
            "Most drift turned out to be changes that should have been in Git all along, and now they are.",
        ]),
        ("Policy as Code", [
            "Some mistakes are common enough that a human reviewer should never need to catch them.",
            "Policies reject routes without authentication, plugins with plaintext secrets and rate limits above an agreed ceiling.",
            "Policies are tested like code, with fixtures for configurations that should pass and fail.",
            "Exceptions are explicit, time-limited and recorded in the same repository.",
        ]),
    ],
    code=[
        ("hcl", code("""
            resource "konnect_gateway_service" "@svc@" {
              name             = "@svc@"
              host             = "@svc@.internal"
              port             = 8080
              protocol         = "http"
              control_plane_id = var.control_plane_id
            }

            resource "konnect_gateway_route" "@svc@" {
              name             = "@svc@-public"
              paths            = ["/@svc@"]
              strip_path       = true
              control_plane_id = var.control_plane_id
              service = {
                id = konnect_gateway_service.@svc@.id
              }
            }
            """)),
        ("yaml", code("""
            name: gateway-config
            on:
              pull_request:
                paths: ["gateway/**"]
              push:
                branches: [main]
            jobs:
              sync:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: Validate
                    run: deck file validate gateway/*.yaml
                  - name: Diff against staging
                    run: deck gateway diff gateway/*.yaml --kong-addr "${{ secrets.STAGING_ADMIN_URL }}"
                  - name: Sync
                    if: github.ref == 'refs/heads/main'
                    run: deck gateway sync gateway/*.yaml --kong-addr "${{ secrets.STAGING_ADMIN_URL }}"
            """)),
        ("rego", code("""
            package gateway.policy

            deny[msg] {
              route := input.routes[_]
              not route_has_auth(route)
              msg := sprintf("route %s has no authentication plugin", [route.name])
            }

            route_has_auth(route) {
              plugin := input.plugins[_]
              plugin.route == route.name
              plugin.name == "openid-connect"
            }
            """)),
    ],
    bullets=[
        "Make the pipeline the only writer to production.",
        "Show reviewers a rendered diff.",
        "Detect drift on a schedule and alert on it.",
        "Encode recurring review comments as policies.",
        "Roll back by re-applying the previous tag.",
    ],
    links=[("the decK documentation", "https://docs.example.com/deck"),
           ("the Terraform provider reference", "https://example.com/terraform/providers/gateway")],
    alts=["Diagram of a GitOps pipeline syncing configuration to a gateway",
          "Illustration of a pull request diff for gateway routes",
          "Pipeline stages from validation to production"],
)

topic(
    "testing",
    subjects=[("API Testing", "API testing"), ("Contract Testing", "contract testing"),
              ("Testing in CI", "testing in CI")],
    techs=["Insomnia", "Testcontainers", "Pact", "k6"],
    tags=["Testing", "API Development", "CI/CD", "API Design"],
    titles=[
        ("howto", "Automating API Tests in CI with @tech@"),
        ("howto", "Running Insomnia Collections in Your CI Pipeline", "Insomnia"),
        ("story", "How Contract Tests Caught a Breaking Change Before Our Partners Did", "Pact"),
        ("deep", "Consumer-Driven Contracts: How the Verification Loop Works", "Pact"),
        ("compare", "Mocks, Fakes or Real Dependencies in Integration Tests?", "Testcontainers"),
        ("list", "Seven Flaky Test Patterns in API Suites and How to Fix Them"),
        ("howto", "Integration Tests Against Real PostgreSQL with Testcontainers", "Testcontainers"),
        ("story", "Deleting Half Our End-to-End Tests Made Us Ship Faster"),
        ("deep", "What Makes an API Test Deterministic"),
        ("howto", "Generating Test Cases from an OpenAPI Specification"),
        ("compare", "Snapshot Tests for JSON APIs: Useful or Dangerous?"),
        ("list", "Five Things to Assert in Every API Response"),
        ("howto", "Testing Gateway Plugins with a Local Data Plane"),
        ("story", "Bringing a @Weeks@-Hour Test Suite Down to Twelve Minutes"),
        ("howto", "Debugging Failing API Requests with Insomnia's Timeline", "Insomnia"),
    ],
    hooks=[
        "A test suite is only useful if people trust it, and trust disappears the first time a red build turns out to be noise.",
        "APIs are contracts, and tests are how you find out whether you kept them.",
        "Good API tests check behavior a client can observe, not the implementation details behind it.",
    ],
    intro=[
        "A test suite is only useful if people trust it, and trust disappears the first time a red build turns out to be noise.",
        "APIs are contracts, and tests are how you find out whether you kept them.",
        "We run @tech@ in every pull request, and the suite has to finish before anyone loses interest in the result.",
        "The @svc@ API has dozens of consumers we do not control, which makes accidental breaking changes our most expensive class of bug.",
        "Good API tests check behavior a client can observe, not the implementation details behind it.",
    ],
    sections=[
        ("Choosing the Right Layer", [
            "Unit tests are fast and precise but cannot tell you whether the pieces fit together.",
            "Integration tests against real dependencies catch the bugs that mocks politely hide.",
            "End-to-end tests are valuable for a handful of critical journeys and painful for everything else.",
            "We aim for many unit tests, a solid layer of integration tests and fewer than twenty end-to-end scenarios.",
        ]),
        ("Real Dependencies in Tests", [
            "An in-memory database behaves differently from PostgreSQL in exactly the places where bugs like to hide.",
            "Testcontainers starts the real database in a container for each test run, and it takes seconds, not minutes.",
            "Reusing one container per test class and resetting state between tests keeps the suite fast.",
            "The same approach works for Kafka, Redis and the gateway itself.",
        ]),
        ("Contracts Between Teams", [
            "Consumer-driven contract tests let each client describe the parts of a response it relies on.",
            "The provider verifies every published contract in its own pipeline before it can deploy.",
            "A failing contract names the consumer that would break, which turns a vague worry into a concrete conversation.",
            "Contracts complement, rather than replace, a well-reviewed OpenAPI specification.",
        ]),
        ("Taming Flaky Tests", [
            "Most flaky tests depend on time, ordering or shared state.",
            "Injecting a clock instead of calling the system time removed an entire category of failures.",
            "Tests that need unique data generate it rather than relying on fixtures other tests might change.",
            "Quarantining a flaky test is fine for a day; leaving it quarantined for a month is deleting it with extra steps.",
        ]),
        ("Making Failures Useful", [
            "A failing test should tell you what was expected, what happened and how to reproduce it.",
            "We attach the full request and response to every failed API assertion.",
            "Request timelines in tools like Insomnia make it easy to replay a failing call outside the test runner.",
            "Clear names matter: rejectsExpiredToken says more than testAuth3.",
        ]),
    ],
    code=[
        ("bash", code("""
            # Run the @svc@ collection against staging and fail the build on any error
            inso run collection "@Svc@ API" \\
              --env "staging" \\
              --reporter junit \\
              --bail > reports/@svc@-api.xml
            """), "Insomnia"),
        ("java", code("""
            @Testcontainers
            class @Svc@RepositoryTests {

                @Container
                static PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");

                @DynamicPropertySource
                static void datasource(DynamicPropertyRegistry registry) {
                    registry.add("spring.datasource.url", postgres::getJdbcUrl);
                    registry.add("spring.datasource.username", postgres::getUsername);
                    registry.add("spring.datasource.password", postgres::getPassword);
                }

                @Test
                void findsItemsByExternalReference() {
                    // arrange, act and assert against a real database
                }
            }
            """)),
        ("javascript", code("""
            import http from "k6/http";
            import { check } from "k6";

            export const options = {
              vus: 50,
              duration: "2m",
              thresholds: {
                http_req_failed: ["rate<0.01"],
                http_req_duration: ["p(99)<300"],
              },
            };

            export default function () {
              const res = http.get(`${__ENV.BASE_URL}/@svc@/v1/items?limit=20`);
              check(res, {
                "status is 200": (r) => r.status === 200,
                "has items": (r) => r.json("items").length > 0,
              });
            }
            """), "k6"),
        ("java", code("""
            @Pact(consumer = "web-frontend", provider = "@svc@-api")
            RequestResponsePact itemExists(PactDslWithProvider builder) {
                return builder
                        .given("item 42 exists")
                        .uponReceiving("a request for item 42")
                        .path("/@svc@/v1/items/42")
                        .method("GET")
                        .willRespondWith()
                        .status(200)
                        .body(new PactDslJsonBody()
                                .stringType("id", "42")
                                .stringType("name"))
                        .toPact();
            }
            """), "Pact"),
    ],
    bullets=[
        "Test behavior a client can observe.",
        "Use real databases in integration tests.",
        "Publish and verify consumer contracts.",
        "Inject clocks and generate unique test data.",
        "Attach the request and response to every failed assertion.",
    ],
    links=[("the Inso CLI reference", "https://docs.example.com/inso-cli"),
           ("the Testcontainers guides", "https://example.com/testcontainers/guides")],
    alts=["Illustration of a test pyramid for APIs",
          "CI pipeline with a failing contract test highlighted",
          "API client showing a request timeline"],
)

topic(
    "performance",
    subjects=[("API Latency", "API latency"), ("Load Testing", "load testing"),
              ("Gateway Performance Tuning", "gateway performance tuning")],
    techs=["Go", "Rust", "Java"],
    tags=["Performance", "API Gateway", "Observability"],
    titles=[
        ("story", "How We Shaved @p99@ ms Off Our p99 at the Gateway"),
        ("howto", "Load Testing an API Gateway Without Fooling Yourself"),
        ("deep", "Where the Milliseconds Go: Anatomy of a Proxied Request"),
        ("howto", "Profiling @tech@ Code on the Hot Path with Flame Graphs"),
        ("compare", "Open-Loop vs Closed-Loop Load Generators"),
        ("list", "Seven Linux Kernel Settings for High-Throughput Proxies"),
        ("story", "Rewriting a Hot Path in @tech@: Was It Worth It?"),
        ("deep", "Coordinated Omission and Why Your Benchmarks Look Too Good"),
        ("howto", "Connection Reuse and Keep-Alive Tuning for Upstreams"),
        ("story", "Serving @rps@ Requests per Second on a Modest Budget"),
        ("compare", "HTTP/1.1, HTTP/2 and HTTP/3 Between Gateway and Clients"),
        ("list", "Five Performance Regressions We Caught in CI"),
        ("deep", "Tail Latency Amplification in Fan-Out Architectures"),
        ("howto", "Continuous Benchmarking on Every Pull Request"),
        ("story", "Halving Memory Usage per Gateway Worker"),
    ],
    hooks=[
        "Latency is a feature, and users notice when it regresses long before dashboards do.",
        "Most performance work is measuring carefully and removing work nobody needed.",
        "The slowest requests are the ones users remember, which is why we care about tail latency more than averages.",
    ],
    intro=[
        "Latency is a feature, and users notice when it regresses long before dashboards do.",
        "Most performance work is not clever optimization; it is measuring carefully and removing work nobody needed.",
        "A gateway adds a hop to every request, so every microsecond it spends is multiplied by @rps@ requests per second.",
        "We care about tail latency more than averages, because the slowest requests are the ones users remember.",
        "The @svc@ team has a rule that no optimization lands without a benchmark, and this post shows why.",
    ],
    sections=[
        ("Measure First", [
            "Before changing anything, we record a baseline on production-like hardware with production-like traffic.",
            "Percentiles from histograms are more honest than averages, and p99.9 matters when requests fan out.",
            "Benchmarks run several times, and we compare distributions rather than single numbers.",
            "Flame graphs show where CPU time goes, but off-CPU analysis is needed when the problem is waiting.",
        ]),
        ("Load Testing Honestly", [
            "Closed-loop load generators slow down when the system slows down, which hides exactly the latency you are trying to find.",
            "Open-loop generators send requests at a fixed rate regardless of responses and expose queueing delays.",
            "We always test past the expected peak to find where latency starts to bend, not just whether the peak is survivable.",
            "The load generator itself must never be the bottleneck, so we watch its CPU as carefully as the target's.",
        ]),
        ("Connections and Protocols", [
            "Opening a new TLS connection for every upstream request costs far more than the request itself.",
            "Keep-alive pools sized to match concurrency eliminated most of our handshake overhead.",
            "HTTP/2 to upstreams multiplexes requests over fewer connections but makes a single slow stream more visible.",
            "We tune idle timeouts so the gateway closes connections before the upstream does, avoiding races on reused sockets.",
        ]),
        ("The Hot Path", [
            "Work that runs on every request, such as header parsing, routing and plugin execution, deserves the most scrutiny.",
            "Caching compiled regular expressions and route matchers removed a surprising amount of CPU.",
            "Allocations on the hot path show up as garbage collection pauses in the tail.",
            "Moving optional work, like detailed logging, off the request path and into batched background tasks paid off immediately.",
        ]),
        ("Keeping It Fast", [
            "Performance regresses one small change at a time, so it needs the same guardrails as correctness.",
            "A benchmark suite runs on every pull request and comments when latency or allocations move by more than a few percent.",
            "Dedicated benchmark machines avoid the noise of shared CI runners.",
            "Each quarter we re-run the full load test and publish the results internally.",
        ]),
    ],
    code=[
        ("bash", code("""
            # Constant-rate load test: 20k requests per second for five minutes
            wrk2 -t8 -c400 -d5m -R20000 --latency \\
              https://gateway.staging.internal/@svc@/v1/items
            """)),
        ("go", code("""
            func BenchmarkRouteMatch(b *testing.B) {
            	router := buildRouter(loadRoutes("testdata/routes.yaml"))
            	req := httptest.NewRequest(http.MethodGet, "/@svc@/v1/items/42", nil)
            	b.ReportAllocs()
            	b.ResetTimer()
            	for i := 0; i < b.N; i++ {
            		if _, ok := router.Match(req); !ok {
            			b.Fatal("no match")
            		}
            	}
            }
            """), "Go"),
        ("rust", code("""
            fn bench_route_match(c: &mut Criterion) {
                let router = Router::from_file("testdata/routes.yaml").unwrap();
                let req = Request::get("/@svc@/v1/items/42").body(()).unwrap();
                c.bench_function("route_match", |b| {
                    b.iter(|| black_box(router.matches(black_box(&req))))
                });
            }
            """), "Rust"),
        ("bash", code("""
            sysctl -w net.core.somaxconn=65535
            sysctl -w net.ipv4.ip_local_port_range="10240 65535"
            sysctl -w net.ipv4.tcp_tw_reuse=1
            sysctl -w net.core.netdev_max_backlog=16384
            ulimit -n 1048576
            """)),
    ],
    bullets=[
        "Record a baseline before changing anything.",
        "Use open-loop load generators.",
        "Compare latency distributions, not averages.",
        "Reuse upstream connections.",
        "Benchmark on every pull request, on dedicated hardware.",
    ],
    links=[("the performance tuning guide", "https://docs.example.com/gateway/performance"),
           ("this talk on coordinated omission", "https://example.com/talks/coordinated-omission")],
    alts=["Flame graph of a gateway worker under load",
          "Latency histogram with a long tail",
          "Chart comparing p50, p95 and p99 latency before and after tuning"],
)

topic(
    "plugins",
    subjects=[("Custom Gateway Plugins", "custom gateway plugins"), ("Plugin Development", "plugin development"),
              ("Extending the Gateway", "extending the gateway")],
    techs=["Lua", "Go", "Rust"],
    tags=["Plugins", "API Gateway", "API Development"],
    titles=[
        ("howto", "Writing Your First Gateway Plugin in @tech@"),
        ("howto", "Building a Request Signing Plugin for Kong Gateway in @tech@"),
        ("deep", "The Plugin Lifecycle: Access, Header Filter, Body Filter and Log Phases"),
        ("compare", "Lua, Go or WebAssembly: Picking a Language for Gateway Plugins"),
        ("story", "What We Learned Maintaining Forty Custom Plugins"),
        ("list", "Seven Performance Traps in Custom Gateway Plugins"),
        ("howto", "Unit Testing Lua Plugins with Busted and Pongo", "Lua"),
        ("deep", "How Plugin Ordering and Priorities Really Work"),
        ("howto", "Shipping Plugins as Container Images Instead of Rocks"),
        ("story", "Replacing a Sidecar with a Gateway Plugin Written in @tech@"),
        ("compare", "Plugin or Upstream Service? Where Custom Logic Belongs"),
        ("list", "Five Plugin Configuration Schemas Done Well"),
        ("howto", "Calling External Services from a Plugin Without Blocking Workers"),
        ("deep", "Sharing State Between Workers: Shared Dicts, Caches and Cluster Events", "Lua"),
        ("howto", "Transforming Legacy XML Responses with a Custom Plugin"),
    ],
    hooks=[
        "Bundled plugins cover most needs, but every platform eventually meets a requirement specific to its business.",
        "A custom plugin runs inside the request path of every matching request, which makes it powerful and slightly dangerous.",
        "The gateway's plugin interface is small, and learning its phases is most of the work.",
    ],
    intro=[
        "Bundled plugins cover most needs, but every platform eventually meets a requirement that is specific to its business.",
        "A custom plugin runs inside the request path of every matching request, which makes it powerful and slightly dangerous.",
        "We write most of our plugins in @tech@, and the same principles apply whichever language you choose.",
        "For the @svc@ API, we needed to validate a partner-specific signature before any request reached the upstream.",
        "The gateway's plugin interface is small, and learning its phases is most of the work.",
    ],
    sections=[
        ("Understanding the Phases", [
            "Each plugin hooks into phases of the request lifecycle, from certificate selection to logging.",
            "The access phase runs before the request is proxied and is where authentication and validation belong.",
            "Header and body filter phases run as the response streams back, so they must handle partial bodies.",
            "The log phase runs after the response is sent and is the right place for slow work such as shipping analytics.",
            "Doing expensive work in the wrong phase is the most common cause of plugin-related latency.",
        ]),
        ("Configuration Schemas", [
            "A plugin's schema is its public API, and a strict schema prevents most configuration mistakes.",
            "Every field has a type, a default and validation, and secrets are marked as referenceable.",
            "We validate relationships between fields in the schema, so invalid combinations are rejected at configuration time.",
            "Changing a schema is a migration: new fields get defaults and removed fields go through a deprecation period.",
        ]),
        ("Testing Plugins", [
            "Unit tests cover the pure logic, such as signature calculation, without starting a gateway.",
            "Integration tests start a real gateway with the plugin loaded and send requests through it.",
            "We run the integration suite against the two most recent gateway versions to catch compatibility issues early.",
            "Fuzzing the request parser found two crashes that no hand-written test would have found.",
        ]),
        ("Performance and Safety", [
            "Anything a plugin does is multiplied by every request, so allocations and blocking calls matter.",
            "Network calls from a plugin must use non-blocking APIs and short timeouts.",
            "Results of remote calls are cached in shared memory so that not every worker repeats the same lookup.",
            "A plugin that throws an error should fail predictably, with a clear status code and a log line that names it.",
        ]),
    ],
    code=[
        ("lua", code("""
            local HmacCheck = {
              PRIORITY = 1005,
              VERSION = "1.3.0",
            }

            function HmacCheck:access(conf)
              local signature = kong.request.get_header("X-Signature")
              if not signature then
                return kong.response.exit(401, { message = "missing signature" })
              end

              local body = kong.request.get_raw_body() or ""
              local expected = ngx.encode_base64(ngx.hmac_sha1(conf.secret, body))
              if signature ~= expected then
                return kong.response.exit(401, { message = "invalid signature" })
              end
            end

            return HmacCheck
            """), "Lua"),
        ("lua", code("""
            local typedefs = require "kong.db.schema.typedefs"

            return {
              name = "@svc@-hmac-check",
              fields = {
                { protocols = typedefs.protocols_http },
                { config = {
                    type = "record",
                    fields = {
                      { secret = { type = "string", required = true, referenceable = true, encrypted = true } },
                      { clock_skew = { type = "integer", default = 300, between = { 0, 3600 } } },
                    },
                } },
              },
            }
            """), "Lua"),
        ("go", code("""
            package main

            import (
            	"github.com/Kong/go-pdk"
            	"github.com/Kong/go-pdk/server"
            )

            type Config struct {
            	HeaderName string `json:"header_name"`
            }

            func New() interface{} { return &Config{} }

            func (c Config) Access(kong *pdk.PDK) {
            	name := c.HeaderName
            	if name == "" {
            		name = "X-@Svc@-Version"
            	}
            	kong.Response.SetHeader(name, "v1")
            }

            func main() {
            	server.StartServer(New, "0.1.0", 1000)
            }
            """), "Go"),
        ("rust", code("""
            use proxy_wasm::traits::*;
            use proxy_wasm::types::*;

            struct AddVersionHeader;

            impl Context for AddVersionHeader {}

            impl HttpContext for AddVersionHeader {
                fn on_http_response_headers(&mut self, _: usize, _: bool) -> Action {
                    self.set_http_response_header("X-@Svc@-Version", Some("v1"));
                    Action::Continue
                }
            }
            """), "Rust"),
    ],
    bullets=[
        "Do authentication and validation in the access phase.",
        "Move slow work to the log phase.",
        "Treat the plugin schema as a public API.",
        "Use non-blocking I/O with short timeouts.",
        "Test against more than one gateway version.",
    ],
    links=[("the plugin development kit reference", "https://docs.example.com/gateway/pdk"),
           ("the plugin template repository", "https://example.com/plugin-template")],
    alts=["Diagram of plugin phases in the request lifecycle",
          "Code editor showing a plugin handler",
          "Illustration of plugins stacked inside a gateway"],
)

topic(
    "api-design",
    subjects=[("API Design", "API design"), ("API Versioning", "API versioning"),
              ("Pagination and Error Handling", "pagination and error handling")],
    techs=["OpenAPI", "AsyncAPI", "TypeSpec"],
    tags=["API Design", "API Development", "API Management"],
    titles=[
        ("howto", "Design-First APIs with @tech@: From Spec to Mock in a Day"),
        ("deep", "Cursor vs Offset Pagination: What Breaks at Scale"),
        ("howto", "Error Responses That Help: Adopting Problem Details"),
        ("compare", "URL, Header or Media Type: Comparing API Versioning Schemes"),
        ("list", "Nine API Design Review Comments We Leave Most Often"),
        ("story", "Sunsetting an API Version Without Angering Customers"),
        ("deep", "Idempotency Keys: Making Retries Safe for Payment APIs"),
        ("howto", "Linting OpenAPI Specs in Pull Requests", "OpenAPI"),
        ("story", "What We Learned Writing an API Style Guide for @teams@ Teams"),
        ("compare", "Resource-Oriented vs RPC-Style API Design"),
        ("list", "Six Naming Conventions That Make APIs Easier to Learn"),
        ("deep", "Designing Long-Running Operations for HTTP APIs"),
        ("howto", "Filtering, Sorting and Sparse Fieldsets Without a Query Language"),
        ("story", "Deprecation Headers, Changelogs and the Art of Saying Goodbye"),
    ],
    hooks=[
        "An API is a promise to people you may never meet, and changing it later is always more expensive.",
        "Good API design is mostly consistency: the same patterns for naming, pagination, errors and versioning everywhere.",
        "Design reviews are cheapest when the API is still a document rather than a deployed service.",
    ],
    intro=[
        "An API is a promise to people you may never meet, and changing it later is always more expensive than getting it right up front.",
        "Good API design is mostly consistency: the same patterns for naming, pagination, errors and versioning everywhere.",
        "We write the specification before the code, in @tech@, and review it the way we would review a database schema.",
        "The @svc@ API has been public for years, and most of what we know about design we learned from supporting it.",
        "Design reviews are cheapest when the API is still a document rather than a deployed service with clients.",
    ],
    sections=[
        ("Consistency Over Cleverness", [
            "Clients learn your API by example, so every endpoint that follows the same patterns makes the next one easier.",
            "We use plural nouns for collections, lower camel case for fields and ISO 8601 for timestamps everywhere.",
            "A style guide only works when a linter enforces it, so every rule we care about has an automated check.",
            "When an exception is necessary, it is documented next to the endpoint along with the reason.",
        ]),
        ("Pagination", [
            "Offset pagination is easy to implement but becomes slow and inconsistent on large, changing collections.",
            "Cursor pagination returns an opaque token that encodes the position, which stays stable as new items arrive.",
            "We return the next cursor in the body and in a Link header, so clients can use whichever they prefer.",
            "Page size has a sensible default and a documented maximum, and requests above the maximum are rejected rather than silently truncated.",
        ]),
        ("Errors Clients Can Act On", [
            "An error response should tell the client what went wrong, whether retrying could help and where to read more.",
            "We adopted the Problem Details format so every error has a type, a title, a status and a detail field.",
            "Validation errors list every invalid field at once instead of making clients fix them one round trip at a time.",
            "Stable error codes matter more than messages, because clients write logic against codes and humans read messages.",
        ]),
        ("Versioning and Deprecation", [
            "Most changes can be made without a new version: adding fields, adding endpoints and adding optional parameters.",
            "Breaking changes get a new major version, and both versions run side by side during a published migration window.",
            "Deprecated endpoints return Deprecation and Sunset headers, and our gateway logs which consumers still call them.",
            "We contact every remaining consumer personally before switching a version off.",
        ]),
        ("Safe Retries", [
            "Networks fail in the middle of requests, so clients will retry operations that may already have succeeded.",
            "Idempotency keys let a client retry a POST safely: the server stores the first result and returns it for repeats.",
            "Keys expire after a day, which covers any realistic retry window.",
            "A repeated key with a different payload is an error, not a silent overwrite.",
        ]),
    ],
    code=[
        ("yaml", code("""
            openapi: 3.1.0
            info:
              title: @Svc@ API
              version: 2.3.0
            paths:
              /@svc@:
                get:
                  operationId: list@Svc@
                  parameters:
                    - name: cursor
                      in: query
                      schema: { type: string }
                    - name: limit
                      in: query
                      schema: { type: integer, minimum: 1, maximum: 100, default: 20 }
                  responses:
                    "200":
                      description: A page of results
                    "400":
                      description: Invalid parameters
                      content:
                        application/problem+json:
                          schema: { $ref: "#/components/schemas/Problem" }
            """)),
        ("json", code("""
            {
              "type": "https://api.example.com/problems/validation-error",
              "title": "Your request parameters didn't validate.",
              "status": 400,
              "detail": "2 fields are invalid.",
              "instance": "/@svc@?limit=500",
              "errors": [
                { "field": "limit", "message": "must be between 1 and 100" },
                { "field": "cursor", "message": "is not a valid cursor" }
              ]
            }
            """)),
        ("bash", code("""
            npx @stoplight/spectral-cli lint openapi/@svc@.yaml \\
              --ruleset .spectral.yaml \\
              --fail-severity warn
            """)),
        ("http", code("""
            POST /@svc@ HTTP/1.1
            Host: api.example.com
            Content-Type: application/json
            Idempotency-Key: 7d9f4c1e-2b8a-4e5f-9c3d-1a2b3c4d5e6f

            {"amount": 4200, "currency": "EUR", "source": "card_9xk2"}
            """)),
    ],
    bullets=[
        "Write the specification before the code.",
        "Lint specs in every pull request.",
        "Use cursor pagination for large collections.",
        "Return Problem Details with stable error codes.",
        "Announce deprecations with headers and direct outreach.",
    ],
    links=[("our API style guide", "https://example.com/api-style-guide"),
           ("the Problem Details specification", "https://example.com/rfc/problem-details")],
    alts=["OpenAPI specification next to a rendered API reference",
          "Diagram of cursor-based pagination",
          "Timeline of an API version deprecation"],
)

topic(
    "grpc-graphql",
    subjects=[("gRPC at the Edge", "gRPC at the edge"), ("GraphQL APIs", "GraphQL APIs"),
              ("Protocol Translation", "protocol translation")],
    techs=["gRPC", "GraphQL"],
    tags=["API Gateway", "API Design", "Microservices", "Performance"],
    titles=[
        ("howto", "Exposing @tech@ Services Through an API Gateway"),
        ("howto", "Transcoding gRPC to JSON for Browser Clients", "gRPC"),
        ("deep", "How gRPC Load Balancing Differs from HTTP/1.1", "gRPC"),
        ("compare", "GraphQL Federation vs a Gateway-Level Schema Stitch", "GraphQL"),
        ("howto", "Rate Limiting GraphQL by Query Cost", "GraphQL"),
        ("story", "What We Learned Moving Internal APIs from REST to gRPC", "gRPC"),
        ("list", "Six GraphQL Security Checks Every Public Endpoint Needs", "GraphQL"),
        ("deep", "Persisted Queries: Faster, Safer GraphQL", "GraphQL"),
        ("howto", "Health Checking gRPC Services Behind a Proxy", "gRPC"),
        ("story", "Running GraphQL and REST Side by Side for @Weeks@ Months", "GraphQL"),
        ("compare", "Protobuf vs JSON on the Wire: Measuring the Difference", "gRPC"),
        ("list", "Five gRPC Deadline and Retry Settings to Get Right", "gRPC"),
        ("deep", "Streaming RPCs Through Gateways: What Can Go Wrong", "gRPC"),
        ("howto", "Solving the N+1 Problem in GraphQL Resolvers", "GraphQL"),
    ],
    hooks=[
        "REST is not the only way services talk anymore, and gateways have had to learn new protocols.",
        "gRPC brings strict contracts and efficient encoding, while GraphQL lets clients ask for exactly the data they need.",
        "Protocol choice is rarely the bottleneck; operational maturity around it usually is.",
    ],
    intro=[
        "REST is not the only way services talk anymore, and gateways have had to learn new protocols.",
        "gRPC brings strict contracts and efficient binary encoding, while GraphQL lets clients ask for exactly the data they need.",
        "Both change what a gateway sees: fewer, longer-lived connections in one case, and a single endpoint with endlessly varied queries in the other.",
        "Our @svc@ service speaks @tech@, and exposing it safely to external clients took more thought than we expected.",
        "Protocol choice is rarely the bottleneck; operational maturity around it usually is.",
    ],
    sections=[
        ("Connections and Load Balancing", [
            "gRPC multiplexes many calls over a single long-lived HTTP/2 connection.",
            "Connection-level load balancers therefore pin all of a client's traffic to one backend.",
            "A gateway or mesh that balances individual requests fixes the imbalance without client changes.",
            "Setting a maximum connection age forces periodic reconnection, so new backends receive traffic after a scale-up.",
        ], "gRPC"),
        ("Contracts and Schemas", [
            "Protocol Buffers and GraphQL schemas are both machine-readable contracts, and both deserve review like any other API.",
            "Breaking-change detection runs in CI and compares the schema against the last released version.",
            "Field numbers in protobuf are forever; deleted fields are reserved so they can never be reused by accident.",
            "Deprecated GraphQL fields remain queryable while usage metrics show who still depends on them.",
        ]),
        ("Protecting GraphQL Endpoints", [
            "A single GraphQL endpoint can receive queries that are trivial or ruinously expensive.",
            "We compute a cost for each query from the schema and reject queries above a limit before execution.",
            "Depth limits and mandatory pagination on lists prevent the most common abusive patterns.",
            "Persisted queries let production clients send a hash instead of a query, which blocks arbitrary queries entirely for first-party apps.",
        ], "GraphQL"),
        ("Deadlines, Retries and Errors", [
            "Every gRPC call should carry a deadline, and deadlines propagate so downstream services know how much time is left.",
            "Status codes such as UNAVAILABLE are safe to retry, while INVALID_ARGUMENT never is.",
            "GraphQL returns partial data alongside errors, so clients must check both instead of relying on the HTTP status.",
            "The gateway maps protocol-specific errors to metrics consistently, so dashboards compare like with like.",
        ]),
        ("Browser and Partner Access", [
            "Browsers cannot speak native gRPC, so we transcode selected methods to JSON over HTTP at the gateway.",
            "HTTP annotations in the proto file define the mapping, which keeps the contract in one place.",
            "Partners who prefer REST get a stable JSON interface while internal services keep the efficiency of protobuf.",
            "Transcoding also gives us a natural place for authentication and rate limiting.",
        ], "gRPC"),
        ("Resolvers and Data Loading", [
            "A naive resolver fetches related data once per parent object, turning one query into hundreds of database calls.",
            "Batching loaders collect the keys requested during one tick and fetch them in a single call.",
            "Per-request caches stop the same entity from being loaded twice while resolving one query.",
            "Tracing each resolver made it obvious which fields were responsible for slow queries.",
        ], "GraphQL"),
    ],
    code=[
        ("protobuf", code("""
            syntax = "proto3";

            package @svc@.v1;

            import "google/api/annotations.proto";

            service @Svc@Service {
              rpc GetItem(GetItemRequest) returns (Item) {
                option (google.api.http) = {
                  get: "/v1/@svc@/{id}"
                };
              }
            }

            message GetItemRequest {
              string id = 1;
            }

            message Item {
              string id = 1;
              string name = 2;
              reserved 3;
              int64 updated_at_unix = 4;
            }
            """), "gRPC"),
        ("bash", code("""
            grpcurl -d '{"id": "42"}' \\
              -H "authorization: Bearer $TOKEN" \\
              api.example.com:443 @svc@.v1.@Svc@Service/GetItem
            """), "gRPC"),
        ("graphql", code("""
            query @Svc@Overview($first: Int = 20, $after: String) {
              @svc@(first: $first, after: $after) {
                edges {
                  node {
                    id
                    name
                    updatedAt
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
            """), "GraphQL"),
        ("yaml", code("""
            plugins:
              - name: graphql-rate-limiting-advanced
                service: @svc@-graphql
                config:
                  cost_strategy: default
                  max_cost: 5000
                  limit: [100000]
                  window_size: [60]
                  score_factor: 1.0
            """), "GraphQL"),
    ],
    bullets=[
        "Balance gRPC per request, not per connection.",
        "Run breaking-change detection on every schema change.",
        "Put deadlines on every call.",
        "Limit GraphQL queries by cost and depth.",
        "Use persisted queries for first-party clients.",
    ],
    links=[("the gRPC-Web and transcoding guide", "https://docs.example.com/gateway/grpc"),
           ("this introduction to GraphQL query cost analysis", "https://example.com/graphql/query-cost")],
    alts=["Diagram of a gateway translating between JSON and gRPC",
          "Illustration of a GraphQL query fanning out to several services",
          "Chart comparing payload sizes for JSON and Protobuf"],
)

topic(
    "reliability",
    subjects=[("Incident Response", "incident response"), ("Site Reliability Engineering", "site reliability engineering"),
              ("AIOps", "AIOps")],
    techs=["Alertmanager", "PagerDuty", "Grafana OnCall"],
    tags=["AIOps", "Observability", "DevOps", "Automation"],
    titles=[
        ("story", "Anatomy of an Outage: The Night @Svc@ Stopped Accepting Writes"),
        ("howto", "Automating Incident Triage with Anomaly Detection"),
        ("deep", "How AIOps Correlates Alerts into Incidents"),
        ("story", "What Two Years of Postmortems Taught Us About Our Architecture"),
        ("list", "Seven Runbook Habits That Shorten Incidents"),
        ("compare", "Static Thresholds vs Anomaly Detection for API Alerts"),
        ("howto", "Chaos Experiments for API Gateways, Starting Small"),
        ("story", "Reducing Pages by @pct@% Without Missing Real Incidents"),
        ("deep", "Error Budgets as a Negotiation Tool"),
        ("howto", "Building an Incident Timeline Automatically from Chat and Deploys"),
        ("list", "Five Questions to Ask in Every Incident Review"),
        ("story", "Our First Region Evacuation Drill"),
        ("deep", "Load Shedding: Failing Some Requests So Most Succeed"),
        ("howto", "Using LLM Summaries to Speed Up Incident Handoffs"),
    ],
    hooks=[
        "Incidents are inevitable; long, confusing incidents are not.",
        "Most of the time lost during an outage is spent figuring out what is happening, not fixing it.",
        "Reliability work is only visible when it fails, which makes it easy to underfund and important to measure.",
    ],
    intro=[
        "Incidents are inevitable; long, confusing incidents are not.",
        "Most of the time lost during an outage is spent figuring out what is happening, not fixing it.",
        "Our alerts flow through @tech@, and the last two years have been about sending fewer, better pages.",
        "When the @svc@ service failed last spring, three teams spent forty minutes looking at the wrong dashboards.",
        "Reliability work is only visible when it fails, which makes it easy to underfund and important to measure.",
    ],
    sections=[
        ("Detection", [
            "Fast detection starts with alerts on user-facing symptoms rather than on internal causes.",
            "Anomaly detection catches shifts that static thresholds miss, such as traffic quietly dropping to zero at night.",
            "We group related alerts by service and time window so responders see one incident instead of forty notifications.",
            "Every deploy, feature flag change and configuration change is recorded as an event on the same timeline as alerts.",
        ]),
        ("Triage and Coordination", [
            "The first responder's job is to assess impact and decide whether to declare an incident, not to fix everything alone.",
            "An incident commander coordinates while others investigate, which keeps decisions from getting lost in chat.",
            "Status updates go out on a fixed cadence, even when the update is that nothing has changed.",
            "Recent changes are the first suspect, and rolling back is usually faster than debugging forward.",
        ]),
        ("Runbooks and Automation", [
            "Runbooks turn tribal knowledge into steps anyone on the rotation can follow.",
            "The best runbooks start with how to confirm the problem and end with how to verify the fix.",
            "Steps that are run in every incident, such as collecting diagnostics, are automated and triggered from chat.",
            "AI-generated summaries help responders who join late catch up without interrupting the people doing the work.",
        ]),
        ("Learning from Incidents", [
            "Postmortems are blameless, because people hide information from processes that punish them.",
            "We focus on how the system made the failure possible and what made it hard to detect and fix.",
            "Action items have owners and due dates, and we review their completion monthly.",
            "Patterns across many postmortems are more valuable than any single one, so we tag and analyze them quarterly.",
        ]),
        ("Graceful Degradation", [
            "Some failures cannot be prevented, only contained.",
            "Load shedding rejects low-priority requests early so that critical ones keep succeeding during overload.",
            "Feature flags let us turn off expensive, non-essential features in seconds.",
            "We rehearse degradation modes in game days, because the first time you use a kill switch should not be during an outage.",
        ]),
    ],
    code=[
        ("yaml", code("""
            groups:
              - name: @svc@-slo
                rules:
                  - alert: @Svc@HighErrorBudgetBurn
                    expr: |
                      (
                        sum(rate(http_requests_total{service="@svc@",status=~"5.."}[5m]))
                        /
                        sum(rate(http_requests_total{service="@svc@"}[5m]))
                      ) > (14.4 * 0.001)
                    for: 2m
                    labels:
                      severity: page
                    annotations:
                      summary: "@Svc@ is burning its error budget fast"
                      runbook_url: https://runbooks.example.com/@svc@/high-error-rate
            """)),
        ("text", code("""
            14:02 UTC  Deploy of @svc@ build 4812 begins
            14:09 UTC  Error rate on /@svc@ rises to 4%
            14:11 UTC  Burn-rate alert pages the primary on-call
            14:16 UTC  Incident declared, commander assigned
            14:19 UTC  Deploy identified as likely cause, rollback started
            14:24 UTC  Error rate back below 0.1%
            14:40 UTC  Incident resolved, review scheduled
            """)),
        ("yaml", code("""
            experiment: gateway-upstream-latency
            target:
              service: @svc@
              environment: staging
            fault:
              type: latency
              delay: 800ms
              percentage: 10
            duration: 15m
            abort_if:
              - metric: error_rate
                above: 0.02
            hypothesis: "Timeouts and retries keep the user-facing error rate below 1%"
            """)),
    ],
    bullets=[
        "Alert on symptoms users feel.",
        "Put deploys and config changes on the alert timeline.",
        "Separate coordination from investigation.",
        "Keep postmortems blameless and track action items.",
        "Rehearse degradation modes before you need them.",
    ],
    links=[("our incident response guide", "https://example.com/incident-response-guide"),
           ("the SRE workbook chapter on alerting", "https://example.com/sre/alerting-on-slos")],
    alts=["Incident timeline with alerts, deploys and status updates",
          "Illustration of an on-call engineer responding to a page",
          "Chart of pages per week trending down"],
)

topic(
    "java",
    subjects=[("Java Microservices", "Java microservices"), ("JVM Performance", "JVM performance"),
              ("Spring Boot in Production", "Spring Boot in production")],
    techs=["Spring Boot", "Quarkus", "Micronaut"],
    tags=["Java", "Microservices", "Performance", "Databases"],
    titles=[
        ("howto", "Virtual Threads in @tech@: A Practical Migration Guide"),
        ("story", "Cutting JVM Startup Time for @Svc@ by @pct@%"),
        ("deep", "What Virtual Threads Change, and What They Don't"),
        ("compare", "GraalVM Native Images vs a Tuned JVM for API Services"),
        ("list", "Eight Spring Boot Settings We Change in Every Service", "Spring Boot"),
        ("howto", "Structured Logging and Tracing in @tech@ Services"),
        ("story", "Hunting a Memory Leak in a Java Gateway Client"),
        ("deep", "Garbage Collectors for Low-Latency Services: G1, ZGC and Shenandoah"),
        ("howto", "Graceful Shutdown for Java Services Behind a Gateway"),
        ("compare", "JDBC, jOOQ or JPA for Read-Heavy APIs"),
        ("list", "Six Connection Pool Mistakes in Java Services"),
        ("howto", "Resilient HTTP Clients in Java: Timeouts, Retries and Bulkheads"),
        ("story", "Moving @services@ Services to Java 21 in One Quarter"),
        ("deep", "Reading a Java Flight Recording Without Getting Lost"),
    ],
    hooks=[
        "Most JVM performance problems we see are about blocking calls, oversized pools and missing timeouts, not the JVM itself.",
        "Virtual threads, better collectors and faster startup have removed many old excuses for avoiding Java in latency-sensitive paths.",
        "The defaults in modern Java frameworks are good, but a handful of settings still make the difference in production.",
    ],
    intro=[
        "Java remains the workhorse behind a large share of the APIs we run, and the platform has changed more in the last few years than in the decade before.",
        "Most JVM performance problems we see are not about the JVM at all; they are about blocking calls, oversized pools and missing timeouts.",
        "Our @svc@ service runs on @tech@, handling @rps@ requests per second across a few dozen instances.",
        "Virtual threads, better garbage collectors and faster startup have removed many old excuses for not running Java in latency-sensitive paths.",
        "The defaults in modern frameworks are good, but a handful of settings still make the difference in production.",
    ],
    sections=[
        ("Threads and Concurrency", [
            "Thread-per-request code is easy to read, and virtual threads make it cheap enough to keep.",
            "Switching the server to virtual threads let the @svc@ service handle far more concurrent slow upstream calls without growing its thread pool.",
            "Pinning happens when a virtual thread blocks inside a synchronized block, so we replaced hot synchronized sections with locks.",
            "Virtual threads do not make CPU-bound work faster; they make waiting cheaper.",
        ]),
        ("Timeouts Everywhere", [
            "Every outbound call gets a connect timeout and a response timeout, and neither is infinite.",
            "Timeouts are derived from the caller's deadline, so a request that has already used most of its budget fails fast downstream.",
            "Bulkheads give each dependency its own pool, so one slow upstream cannot exhaust threads for the others.",
            "Retries use exponential backoff with jitter and only apply to idempotent operations.",
        ]),
        ("Memory and Garbage Collection", [
            "Container memory limits and heap settings must agree, or the kernel kills the process before the JVM notices.",
            "We set the maximum heap as a percentage of the container limit and leave room for metaspace, threads and direct buffers.",
            "Generational ZGC keeps pause times in the low milliseconds even with large heaps.",
            "Allocation profiling found that most garbage came from logging and JSON serialization on the hot path.",
        ]),
        ("Startup and Shutdown", [
            "Fast startup matters for autoscaling, because a pod that takes a minute to become ready cannot absorb a spike.",
            "Class data sharing and lazy initialization cut our startup time noticeably without any code changes.",
            "Graceful shutdown waits for in-flight requests to finish after the instance is removed from the load balancer.",
            "Readiness only turns green after connection pools are warm and caches are primed.",
        ]),
        ("Observability in the JVM", [
            "JDK Flight Recorder is cheap enough to leave on in production and invaluable when something goes wrong.",
            "Micrometer exposes JVM, pool and HTTP client metrics with consistent names across services.",
            "Structured JSON logs with trace IDs make it possible to jump from a log line to the full trace.",
            "Heap dumps are captured automatically on out-of-memory errors and uploaded for analysis.",
        ]),
    ],
    code=[
        ("properties", code("""
            spring.threads.virtual.enabled=true
            server.shutdown=graceful
            spring.lifecycle.timeout-per-shutdown-phase=30s
            spring.datasource.hikari.maximum-pool-size=20
            spring.datasource.hikari.connection-timeout=2000
            management.endpoints.web.exposure.include=health,prometheus
            management.endpoint.health.probes.enabled=true
            """), "Spring Boot"),
        ("java", code("""
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(500))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();

            HttpRequest request = HttpRequest.newBuilder(URI.create("http://@svc@.internal/v1/items"))
                    .timeout(Duration.ofSeconds(2))
                    .header("Accept", "application/json")
                    .GET()
                    .build();

            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            """)),
        ("bash", code("""
            java -XX:MaxRAMPercentage=70 \\
                 -XX:+UseZGC -XX:+ZGenerational \\
                 -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/dumps \\
                 -XX:StartFlightRecording=maxage=6h,filename=/recordings/@svc@.jfr \\
                 -jar @svc@-service.jar
            """)),
    ],
    bullets=[
        "Give every outbound call a timeout.",
        "Align heap settings with container limits.",
        "Use virtual threads for I/O-bound services.",
        "Keep Flight Recorder on in production.",
        "Only report ready once pools and caches are warm.",
    ],
    links=[("the JDK Flight Recorder guide", "https://example.com/java/flight-recorder"),
           ("the Spring Boot production-ready features docs", "https://example.com/spring-boot/actuator")],
    alts=["Illustration of virtual threads mapped onto carrier threads",
          "Garbage collection pause chart before and after tuning",
          "Java service running behind an API gateway"],
)

topic(
    "api-management",
    subjects=[("API Management", "API management"), ("Developer Portals", "developer portals"),
              ("API Governance", "API governance")],
    techs=["Insomnia", "Redocly", "Stoplight"],
    tags=["API Management", "API Development", "API Design", "Automation"],
    titles=[
        ("howto", "Keeping API Docs in Sync with Code Using @tech@"),
        ("story", "Launching a Developer Portal for @services@ Internal APIs"),
        ("deep", "The API Lifecycle: Design, Build, Publish, Retire"),
        ("compare", "Centralized vs Federated API Governance"),
        ("list", "Seven Questions Every Developer Portal Page Should Answer"),
        ("howto", "Self-Service API Keys and Application Registration"),
        ("story", "How We Found and Catalogued Hundreds of Shadow APIs"),
        ("deep", "API Products: Packaging Endpoints for Consumers"),
        ("howto", "Monetizing APIs with Usage Tiers and Quotas"),
        ("list", "Five Governance Rules That Actually Get Followed"),
        ("compare", "One Gateway or Many? Organizing API Management at Scale"),
        ("story", "Measuring API Adoption After Launch"),
        ("howto", "Sharing Request Collections Across Teams with Insomnia", "Insomnia"),
        ("deep", "Why API Analytics Should Start at the Gateway"),
    ],
    hooks=[
        "Building an API is only half the job; the other half is making sure people can find it, understand it and use it safely.",
        "As the number of APIs grows, the hardest questions stop being technical.",
        "Governance works when it is mostly automated and mostly invisible to teams doing the right thing.",
    ],
    intro=[
        "Building an API is only half the job; the other half is making sure the right people can find it, understand it and use it safely.",
        "As the number of APIs grows, the hardest questions stop being technical: who owns this, who uses it and can we change it?",
        "We publish every API specification to a portal, and tools like @tech@ let developers try requests without writing code first.",
        "The @team@ team started its governance program with a spreadsheet of known APIs, which turned out to be less than half of what was running.",
        "Governance works when it is mostly automated and mostly invisible to teams doing the right thing.",
    ],
    sections=[
        ("Discovery First", [
            "You cannot govern APIs you do not know about.",
            "We generated the first inventory from gateway traffic, which found endpoints that existed in no documentation at all.",
            "Every API now has an owner, a lifecycle stage and a link to its specification in the catalog.",
            "APIs without an owner after thirty days are flagged for review and, eventually, retirement.",
        ]),
        ("The Developer Portal", [
            "A good portal answers three questions quickly: what can this API do, how do I get access and how do I make my first call.",
            "Reference documentation is generated from the specification, while guides and tutorials are written by hand.",
            "Interactive consoles let developers try requests with their own credentials in the browser.",
            "Search across all APIs matters more than any visual design.",
        ]),
        ("Access and Consumers", [
            "Developers register an application and request access to an API product, not to individual endpoints.",
            "Approval can be automatic for internal products and manual for partner-facing ones.",
            "Credentials are issued per application, so one compromised key does not affect others.",
            "Usage per application is visible to both the API owner and the consumer.",
        ]),
        ("Lightweight Governance", [
            "Rules that can be checked automatically, such as naming conventions and authentication requirements, are enforced in CI.",
            "Rules that need judgment go through a short design review with a fixed turnaround time.",
            "We publish the rules with examples, and every rule explains why it exists.",
            "Teams can request exceptions, which are granted often and reviewed periodically.",
        ]),
    ],
    code=[
        ("yaml", code("""
            apiProduct:
              name: @Svc@ API
              slug: @svc@
              owner: team-@team_slug@
              lifecycle: published
              specs:
                - path: openapi/@svc@.yaml
                  version: 2.3.0
              access:
                approval: automatic
                audiences: [internal, partner]
              plans:
                - name: standard
                  rateLimit: { minute: 600 }
                - name: premium
                  rateLimit: { minute: 6000 }
            """)),
        ("bash", code("""
            # Publish the spec to the portal on every merge to main
            portalctl specs publish openapi/@svc@.yaml \\
              --product @svc@ \\
              --version "$(git describe --tags)" \\
              --changelog CHANGELOG.md
            """)),
        ("bash", code("""
            inso lint spec openapi/@svc@.yaml
            inso generate config openapi/@svc@.yaml --type declarative > gateway/@svc@.yaml
            deck gateway diff gateway/@svc@.yaml
            """), "Insomnia"),
    ],
    bullets=[
        "Build the inventory from real traffic.",
        "Give every API an owner and a lifecycle stage.",
        "Generate reference docs from the spec; write guides by hand.",
        "Issue credentials per application.",
        "Automate the rules you can and explain the rest.",
    ],
    links=[("the portal publishing guide", "https://docs.example.com/portal/publishing"),
           ("our API governance handbook", "https://example.com/api-governance-handbook")],
    alts=["Developer portal home page with API product cards",
          "Diagram of the API lifecycle from design to retirement",
          "Catalog table listing APIs and their owners"],
)

topic(
    "supply-chain",
    subjects=[("Software Supply Chain Security", "software supply chain security"),
              ("Secrets Management", "secrets management"), ("API Security Testing", "API security testing")],
    techs=["HashiCorp Vault", "AWS Secrets Manager", "Google Secret Manager"],
    tags=["Security", "API Security", "CI/CD", "Kubernetes"],
    titles=[
        ("howto", "Rotating Database Credentials Automatically with @tech@"),
        ("howto", "Signing Container Images and Verifying Them at Admission"),
        ("story", "What We Found When We Scanned Every API for the OWASP Top Ten"),
        ("deep", "SBOMs Explained: What's in Your Gateway Image?"),
        ("compare", "Environment Variables, Files or an API: Delivering Secrets to Pods"),
        ("list", "Eight API Security Mistakes We Still Find in Reviews"),
        ("story", "Responding to a Leaked API Key in Under Ten Minutes"),
        ("howto", "Fuzzing Your API with the OpenAPI Spec as a Map"),
        ("deep", "Broken Object Level Authorization and Why Gateways Can't Fix It Alone"),
        ("howto", "Pinning Dependencies and Verifying Provenance in CI"),
        ("list", "Five Security Headers Every API Response Should Carry"),
        ("compare", "WAF Rules vs Schema Validation for API Protection"),
        ("story", "Getting to SLSA Level 3 for Our Build Pipeline"),
        ("howto", "Detecting Secrets in Pull Requests Before They Merge"),
    ],
    hooks=[
        "Attackers rarely break cryptography; they find the key someone committed or the endpoint nobody remembered.",
        "APIs expose business logic directly, which makes authorization mistakes especially dangerous.",
        "Security is most effective when it is built into the pipeline rather than bolted on before release.",
    ],
    intro=[
        "Attackers rarely break cryptography; they find the key someone committed, the dependency nobody updated or the endpoint nobody remembered.",
        "APIs expose business logic directly, which makes authorization mistakes far more dangerous than in traditional web apps.",
        "Security work is most effective when it is built into the pipeline rather than bolted on before release.",
        "We keep secrets in @tech@ and treat every long-lived credential as a liability with an expiry date.",
        "The @team@ team owns our security tooling, but every service team owns the findings in its own code.",
    ],
    sections=[
        ("Secrets Out of Code", [
            "Secrets committed to a repository should be considered leaked, even if the repository is private.",
            "A pre-commit hook and a CI check scan every change for credentials before it can merge.",
            "Applications fetch secrets at startup from a central store and never log them.",
            "Dynamic credentials that expire after hours make rotation a non-event.",
        ]),
        ("Trusting What You Run", [
            "Every image we build gets an SBOM and a signature, produced by the pipeline rather than a developer's laptop.",
            "An admission controller refuses to run images that are unsigned or built outside our pipeline.",
            "Dependency updates arrive as automated pull requests with test results attached, so patching is routine.",
            "Base images are rebuilt weekly even when nothing changed in our code.",
        ]),
        ("Authorization Bugs", [
            "The most common serious API vulnerability we find is broken object level authorization: a valid user requesting someone else's data.",
            "Gateways can verify who is calling, but only the service knows whether this caller may see this object.",
            "Every data access path checks ownership, and tests assert that other tenants' IDs return 404.",
            "Mass assignment is the close cousin: clients setting fields like role or price that they should never control.",
        ]),
        ("Testing and Response", [
            "Automated scanners find the easy issues; schema-aware fuzzing finds the strange ones.",
            "We run fuzzing against staging using the OpenAPI spec to generate requests, including invalid ones.",
            "When a key leaks, the runbook revokes it, issues a replacement and searches logs for its use, in that order.",
            "Practicing that runbook quarterly turned a frightening event into a ten-minute routine.",
        ]),
    ],
    code=[
        ("bash", code("""
            # Sign the image in CI using keyless signing
            cosign sign --yes "registry.example.com/@svc@-service@${DIGEST}"

            # Verify before deploy
            cosign verify "registry.example.com/@svc@-service@${DIGEST}" \\
              --certificate-identity-regexp 'https://github.com/acme/.+' \\
              --certificate-oidc-issuer https://token.actions.githubusercontent.com

            # Generate an SBOM
            syft "registry.example.com/@svc@-service@${DIGEST}" -o spdx-json > sbom.json
            """)),
        ("yaml", code("""
            apiVersion: kyverno.io/v1
            kind: ClusterPolicy
            metadata:
              name: require-signed-images
            spec:
              validationFailureAction: Enforce
              rules:
                - name: verify-signature
                  match:
                    any:
                      - resources:
                          kinds: [Pod]
                  verifyImages:
                    - imageReferences:
                        - "registry.example.com/*"
                      attestors:
                        - entries:
                            - keyless:
                                issuer: https://token.actions.githubusercontent.com
                                subject: "https://github.com/acme/*"
            """)),
        ("java", code("""
            @GetMapping("/@svc@/{id}")
            ResponseEntity<ItemView> show(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
                String tenant = jwt.getClaimAsString("tenant_id");
                return items.findByIdAndTenant(id, tenant)
                        .map(ItemView::from)
                        .map(ResponseEntity::ok)
                        .orElseGet(() -> ResponseEntity.notFound().build());
            }
            """)),
        ("bash", code("""
            vault write database/roles/@svc@-app \\
              db_name=@svc@ \\
              creation_statements="CREATE ROLE \\"{{name}}\\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}'; GRANT app_rw TO \\"{{name}}\\";" \\
              default_ttl=1h \\
              max_ttl=24h

            vault read database/creds/@svc@-app
            """), "HashiCorp Vault"),
    ],
    bullets=[
        "Scan every change for secrets before merge.",
        "Sign images in CI and verify them at admission.",
        "Check object ownership in every data access path.",
        "Prefer short-lived, dynamic credentials.",
        "Practice the leaked-key runbook.",
    ],
    links=[("the OWASP API Security Top 10", "https://example.com/owasp/api-security-top-10"),
           ("the SLSA framework overview", "https://example.com/slsa/overview")],
    alts=["Illustration of a signed container image passing an admission check",
          "Diagram of secrets flowing from a vault to pods",
          "Shield over an API endpoint"],
)

# ---------------------------------------------------------------------------
# Learning Center: explainers. (title, topics whose sections are reused,
# definition). The first definition sentence also opens the excerpt.
# ---------------------------------------------------------------------------

LEARNING_ITEMS = [
    ("What Is an API Gateway and When Do You Need One?", ["rate-limiting", "auth"],
     "An API gateway is a reverse proxy that sits between clients and the services behind them, handling cross-cutting concerns in one place. Instead of every service implementing routing, authentication, rate limiting and logging on its own, the gateway applies them consistently to every request."),
    ("What Is a Service Mesh? A Plain-Language Introduction", ["mesh", "mtls"],
     "A service mesh is an infrastructure layer that manages communication between services, usually by placing a lightweight proxy next to every workload. The proxies handle encryption, retries, timeouts and telemetry, while a control plane tells them how to behave."),
    ("Mutual TLS Explained: How Services Prove Who They Are", ["mtls"],
     "Mutual TLS is a variant of TLS in which both the client and the server present certificates and verify each other. In microservice architectures it gives every connection encryption plus a verifiable identity for both ends."),
    ("OAuth 2.0 Grant Types Explained for API Developers", ["auth"],
     "OAuth 2.0 is a framework for delegated authorization that lets an application obtain limited access to an API. The grant types describe how the application gets an access token in different situations, from server-to-server calls to single-page apps."),
    ("OpenID Connect vs OAuth 2.0: What Is the Difference?", ["auth"],
     "OAuth 2.0 is about authorization, granting an application access to an API, while OpenID Connect adds an identity layer that tells the application who the user is. The two are usually deployed together, which is exactly why they are so often confused."),
    ("REST, GraphQL and gRPC: Choosing an API Style", ["grpc-graphql", "api-design"],
     "REST, GraphQL and gRPC are three popular styles for building APIs, each with different strengths. REST models resources over plain HTTP, GraphQL lets clients query exactly the data they need, and gRPC offers strongly typed, efficient remote procedure calls."),
    ("What Is Rate Limiting? Algorithms and Trade-offs", ["rate-limiting"],
     "Rate limiting controls how many requests a client may make in a given period of time. It protects services from overload and abuse, and it gives every client a fair share of capacity."),
    ("API Versioning Strategies: URLs, Headers and Media Types", ["api-design"],
     "API versioning is how a provider introduces breaking changes without breaking existing clients. The common strategies differ mainly in where the version lives: in the URL, in a header or in the media type."),
    ("What Is Observability, and How Is It Different from Monitoring?", ["observability"],
     "Monitoring tells you whether a system is working according to checks you defined in advance, while observability is the ability to ask new questions about its behavior from the data it emits. Metrics, logs and traces are the raw material for both."),
    ("Distributed Tracing 101: Spans, Traces and Context Propagation", ["observability"],
     "Distributed tracing records the path of a single request as it travels through many services. Each unit of work is a span, spans are linked into a trace, and context propagation carries the trace identity from one service to the next."),
    ("What Is an AI Gateway? Governing LLM Traffic at Scale", ["ai-gateway"],
     "An AI gateway is an API gateway specialized for traffic to large language models and other AI services. It centralizes provider credentials, enforces token-based limits and applies security policies to prompts and responses."),
    ("Prompt Injection Explained for API Teams", ["ai-gateway"],
     "Prompt injection is an attack in which untrusted input changes the instructions a language model follows. Because models treat instructions and data as the same kind of text, any feature that mixes the two is potentially exposed."),
    ("Kubernetes Ingress vs Gateway API: A Beginner's Guide", ["kubernetes"],
     "Kubernetes offers two built-in ways to route external traffic to services: the older Ingress resource and the newer Gateway API. Both are implemented by controllers such as API gateways, but they differ in expressiveness and in how they divide responsibility between teams."),
    ("What Is Platform Engineering? Beyond the Buzzword", ["platform"],
     "Platform engineering is the discipline of building internal tools and self-service workflows that let product teams ship software without becoming experts in every piece of infrastructure. The result is usually called an internal developer platform."),
    ("GitOps Explained: Declarative Delivery for APIs", ["gitops"],
     "GitOps is an operating model in which the desired state of a system lives in Git and an automated process continuously reconciles the running system with it. Changes happen through pull requests rather than manual commands."),
    ("API Testing Fundamentals: Contract, Integration and Load Tests", ["testing"],
     "API testing verifies that an API behaves as its contract promises, from individual endpoints to complete workflows. Different kinds of tests answer different questions, and a healthy suite mixes them deliberately."),
    ("Caching Strategies for APIs: TTLs, ETags and Invalidation", ["caching"],
     "Caching stores copies of responses so that repeated requests can be answered without redoing the work. For APIs, the key questions are what to cache, for how long and how to invalidate entries when the underlying data changes."),
    ("Event-Driven Architecture: A Primer for API Teams", ["events"],
     "In an event-driven architecture, services communicate by publishing and consuming events that describe things that have happened. Producers do not need to know who consumes their events, which loosens the coupling between teams."),
    ("What Is an Event Gateway and How Does It Relate to Kafka?", ["events"],
     "An event gateway applies API management concepts such as authentication, authorization, quotas and cataloging to event streams. It typically sits in front of brokers like Kafka and speaks their native protocol."),
    ("Zero Trust Networking for Microservices, Explained", ["mtls", "supply-chain"],
     "Zero trust is a security model in which no request is trusted because of where it comes from on the network. Every call must be authenticated, authorized and encrypted, whether it comes from the internet or from the service next door."),
    ("JSON Web Tokens: How They Work and How They Fail", ["auth"],
     "A JSON Web Token is a compact, signed document that carries claims about a subject, such as a user or a service. APIs use JWTs as access tokens because they can be verified without calling the issuer on every request."),
    ("What Is API Management? Lifecycle, Portals and Governance", ["api-management"],
     "API management covers everything around an API beyond its code: publishing, documentation, access control, analytics, monetization and retirement. It combines a runtime, usually a gateway, with tooling for the people who build and consume APIs."),
    ("Understanding Latency Percentiles: p50, p95 and p99", ["performance"],
     "A latency percentile is the response time below which a given share of requests completed. The p99, for example, is the value that 99 percent of requests beat, which makes it a far better measure of user experience than an average."),
    ("Database Connection Pooling, Explained for API Developers", ["postgres", "java"],
     "A connection pool keeps a set of open database connections that application threads borrow and return instead of opening a new connection for every query. Pooling reduces latency and protects the database from more connections than it can handle."),
    ("Blue-Green and Canary Deployments: A Practical Introduction", ["gitops", "mesh"],
     "Blue-green and canary deployments are strategies for releasing new versions with less risk. Blue-green switches all traffic between two complete environments, while a canary sends a small, growing share of traffic to the new version."),
    ("What Is AIOps? Machine Learning for IT Operations", ["reliability"],
     "AIOps applies machine learning and statistical techniques to operations data such as metrics, logs, alerts and change events. The goal is to detect problems earlier, group related signals and help responders find causes faster."),
    ("Software Supply Chain Security: SBOMs, Signing and Provenance", ["supply-chain"],
     "Software supply chain security is about trusting everything that goes into the software you run: source code, dependencies, build systems and artifacts. SBOMs, signatures and provenance records are the main tools for establishing that trust."),
    ("Gateway Plugins Explained: Extending the Request Lifecycle", ["plugins"],
     "Gateway plugins are modules that run inside the request lifecycle to add behavior such as authentication, transformation or logging. They let teams extend a gateway without forking it or adding another network hop."),
    ("Idempotency Keys Explained: Making Retries Safe", ["api-design"],
     "An operation is idempotent if performing it several times has the same effect as performing it once. Idempotency keys let clients safely retry requests, such as payments, that would otherwise risk being applied twice."),
    ("Circuit Breakers and Retries: Resilience Patterns 101", ["mesh", "java"],
     "Circuit breakers and retries are complementary resilience patterns. Retries give transient failures a second chance, while circuit breakers stop calling a dependency that is clearly failing so it has time to recover."),
]

LEARNING_ROADMAPS = [
    "This explainer covers how it works, when it helps and the mistakes teams make most often.",
    "Below we look at the moving parts, a small example and the trade-offs to keep in mind.",
    "Here is a plain-language tour, with a concrete example you can adapt.",
]
LEARNING_PROMISES = [
    "This explainer covers how it works, when it helps and the mistakes teams make most often.",
    "Here is a plain-language introduction with an example you can try.",
    "We cover the core ideas, the trade-offs and where to go next.",
]
LEARNING_CLOSINGS = ["Key Takeaways", "In Short", "Where to Go Next"]

# ---------------------------------------------------------------------------
# Product Releases for the fictional Meshway platform.
# ---------------------------------------------------------------------------

PRODUCTS = {
    "Gateway": dict(
        since="2020-01-01", quota=9,
        versions=["2.2", "2.4", "2.6", "2.8", "3.0", "3.2", "3.4", "3.6", "3.9"],
        tags=["API Gateway", "API Management", "Plugins", "Performance"],
        tagline=["Meshway Gateway is the lightweight, plugin-driven API gateway at the heart of the platform.",
                 "Meshway Gateway routes, secures and observes API traffic on any infrastructure."],
        upgrade=code("""
            # Kubernetes (Helm)
            helm repo update
            helm upgrade meshway-gateway meshway/gateway -n meshway \\
              --reuse-values --set image.tag=@v@

            # Docker
            docker pull meshway/gateway:@v@
            """),
        features=[
            ("Incremental Config Sync", "Data planes now receive configuration changes as small deltas instead of full snapshots, so large deployments apply changes in milliseconds rather than seconds."),
            ("Faster Router Rebuilds", "The router compiles route expressions ahead of time, cutting rebuild time for ten thousand routes by more than half."),
            ("Expression-Based Routing", "Routes can match on any combination of host, path, header and query parameter using a small, typed expression language."),
            ("WebSocket Plugins", "Plugins can inspect and transform individual WebSocket frames, enabling rate limits and validation for long-lived connections."),
            ("HTTP/3 Support", "Downstream HTTP/3 is available behind a feature flag, with automatic fallback to HTTP/2 for clients that do not support QUIC."),
            ("Secrets Management", "Plugin fields can reference secrets stored in Vault, cloud secret managers or environment variables instead of holding plaintext values."),
            ("OpenTelemetry Tracing", "The gateway emits OpenTelemetry spans for every phase of the request lifecycle, including time spent in each plugin."),
            ("Request Validation", "Request bodies and parameters can be validated against an OpenAPI document before they reach the upstream service."),
            ("Consumer Groups", "Consumers can be organized into groups that share plugin configuration, which makes tiered rate limits far easier to manage."),
            ("gRPC-Web Transcoding", "Browser clients can call gRPC services through the gateway using gRPC-Web, with no changes to the upstream."),
            ("Lower Memory Footprint", "A reworked shared-memory layout reduces resident memory per worker by roughly a third on typical configurations."),
            ("Plugin Sandboxing", "Custom plugins now run in a restricted sandbox by default, with an explicit allow-list for system access."),
            ("Dynamic Upstream TLS", "Upstream certificates and CA bundles can be rotated at runtime without restarting workers."),
            ("Admin API Audit Logs", "Every change made through the Admin API is recorded with the actor, the timestamp and a diff of the affected entity."),
            ("Built-In Canary Releases", "Traffic can be split between upstream versions by percentage or header, with automatic rollback on error-rate thresholds."),
            ("Shared Response Caching", "A new proxy cache backend stores responses in Redis, sharing cached entries across all data plane nodes."),
            ("GraphQL Cost Limits", "GraphQL operations can be rate limited by calculated query cost instead of raw request count."),
            ("ARM64 Packages", "Official packages and container images are now published for ARM64 alongside x86-64."),
        ]),
    "Mesh": dict(
        since="2020-01-01", quota=6,
        versions=["1.1", "1.3", "1.5", "2.0", "2.2", "2.4"],
        tags=["Service Mesh", "Kubernetes", "Security", "Microservices"],
        tagline=["Meshway Mesh is our service mesh for Kubernetes and virtual machines, built on Envoy.",
                 "Meshway Mesh connects, secures and observes service-to-service traffic across zones and clouds."],
        upgrade=code("""
            # Upgrade the control plane first, then restart workloads to pick up new sidecars
            meshctl install control-plane --version @v@ | kubectl apply -f -
            kubectl -n meshway-system rollout status deploy/meshway-control-plane
            meshctl inspect dataplanes --mesh default
            """),
        features=[
            ("Multi-Zone Failover", "Traffic automatically fails over to healthy zones when local endpoints stop passing health checks."),
            ("Gateway API Support", "Mesh ingress can be configured with the Kubernetes Gateway API resources instead of custom ingress definitions."),
            ("Label-Based Policy Targeting", "Traffic policies can target services by label selectors, so new workloads pick up the right policies automatically."),
            ("Automatic Certificate Rotation", "Workload certificates rotate every 24 hours by default with a zero-downtime handover between old and new keys."),
            ("Simpler VM Onboarding", "Virtual machine workloads join the mesh with a single command and appear in the same inventory as Kubernetes services."),
            ("Per-Route Retries", "Retry budgets and timeouts can be set per route, not just per service, to avoid retry amplification on slow endpoints."),
            ("Built-In Dashboards", "A bundled set of dashboards shows golden signals for every service and every cross-zone link."),
            ("External Authorization Hooks", "Requests can be checked against an external policy engine such as Open Policy Agent before they reach the workload."),
            ("Delta xDS", "The control plane sends incremental xDS updates, reducing CPU usage on large meshes with frequent deploys."),
            ("Locality-Aware Load Balancing", "Requests prefer endpoints in the same zone and region, cutting cross-zone traffic costs without manual weights."),
            ("Sidecar Resource Profiles", "Sidecar CPU and memory requests can be chosen from predefined profiles or tuned per workload."),
            ("Traffic Permissions View", "A new view in the GUI shows which services may talk to each other and highlights denied connections."),
        ]),
    "Studio": dict(
        since="2020-01-01", quota=6,
        versions=["3.0", "3.2", "4.0", "4.3", "5.0", "5.2"],
        tags=["API Development", "Testing", "API Design"],
        tagline=["Meshway Studio is the desktop app for designing, debugging and testing APIs.",
                 "Meshway Studio brings API design, debugging and testing together in one collaborative app."],
        upgrade=code("""
            # macOS
            brew upgrade --cask meshway-studio

            # CLI used in CI pipelines
            npm install -g @meshway/studio-cli@@v@
            studio-cli --version
            """),
        features=[
            ("Collection Runner", "Collections can run headlessly in CI with studio-cli, producing JUnit reports for every request."),
            ("Git Sync", "Workspaces can be stored in any Git repository, with branch switching and conflict resolution built into the app."),
            ("OpenAPI Linting", "Design documents are linted as you type against a configurable rule set, with quick fixes for common issues."),
            ("gRPC Requests", "Studio can call gRPC services using server reflection or uploaded proto files, including streaming methods."),
            ("Environment Secrets", "Environment variables can be marked as secret so they are encrypted locally and never synced in plain text."),
            ("Hosted Mock Servers", "Any OpenAPI document can be turned into a hosted mock server with realistic example responses."),
            ("Pre-Request Scripts", "Scripts can run before and after each request to set variables, sign requests and assert on responses."),
            ("WebSocket Debugging", "WebSocket connections show a timeline of frames in both directions, with filtering and search."),
            ("Team Workspaces", "Workspaces can be shared with a team, with role-based permissions for editors and viewers."),
            ("GraphQL Schema Explorer", "A schema explorer with autocomplete makes it easier to build and document GraphQL queries."),
            ("Faster Startup", "Cold start time is down by half thanks to lazy loading of workspaces and plugins."),
            ("OAuth 2.0 Flow Helpers", "Built-in helpers handle authorization code with PKCE, client credentials and device flows, including token refresh."),
        ]),
    "Cloud": dict(
        since="2020-01-01", quota=5,
        versions=None,
        tags=["API Management", "Platform Engineering", "Automation"],
        tagline=["Meshway Cloud is the hosted control plane for gateways, meshes and developer portals.",
                 "Meshway Cloud runs the control plane for you, so your teams can focus on their APIs."],
        upgrade=code("""
            terraform {
              required_providers {
                meshway = {
                  source  = "meshway/meshway"
                  version = "~> @v@"
                }
              }
            }
            """),
        features=[
            ("Private Networking", "Data planes can connect to the control plane over private links in supported cloud regions."),
            ("Service Catalog", "A searchable catalog lists every API with its owners, documentation and runtime health."),
            ("Usage Analytics", "Analytics now break down traffic by consumer, route and status code, with 90 days of retention."),
            ("Single Sign-On", "Organizations can enforce single sign-on through any SAML or OIDC identity provider."),
            ("Terraform Provider Coverage", "Every Cloud resource can now be managed through the official Terraform provider."),
            ("Portal Themes", "Developer portals can be themed with custom CSS and page templates without leaving the console."),
            ("Audit Log Streaming", "Audit events can be streamed to any SIEM over HTTPS or written to a storage bucket."),
            ("New Hosting Regions", "Control planes can be hosted in additional regions to keep data close to users."),
            ("Fine-Grained Roles", "New roles let teams manage their own services without organization-wide permissions."),
            ("Service-Level Alerts", "Alerts can fire on error rates, latency percentiles or traffic anomalies per service."),
        ]),
    "AI Gateway": dict(
        since="2023-06-01", quota=4,
        versions=["1.0", "1.1", "1.2", "1.4"],
        tags=["AI Gateway", "AI Security", "Rate Limiting", "API Gateway"],
        tagline=["Meshway AI Gateway governs traffic between your applications and large language model providers.",
                 "Meshway AI Gateway gives platform teams one place to secure, meter and observe LLM traffic."],
        upgrade=code("""
            helm repo update
            helm upgrade meshway-ai-gateway meshway/ai-gateway -n meshway \\
              --reuse-values --set image.tag=@v@
            """),
        features=[
            ("Multi-Provider Routing", "Requests can be routed across model providers based on cost, latency or availability, with automatic failover."),
            ("Semantic Caching", "Responses to semantically similar prompts can be served from cache, reducing cost and latency for repeated questions."),
            ("Token-Based Rate Limiting", "Limits can be expressed in tokens per minute per consumer instead of requests, matching how providers bill."),
            ("Prompt Guard Policies", "Prompts can be checked against allow and deny patterns before they are sent to a model."),
            ("PII Redaction", "Personally identifiable information is detected and masked in prompts and responses."),
            ("LLM Usage Analytics", "Dashboards show token usage, cost and latency per model, team and application."),
            ("Streaming Responses", "Server-sent event streams are proxied end to end, with policies applied to each chunk."),
            ("Prompt Templates", "Central prompt templates let platform teams version and review prompts like any other configuration."),
        ]),
    "Event Gateway": dict(
        since="2024-03-01", quota=3,
        versions=["1.0", "1.1", "1.2"],
        tags=["Event Gateway", "Kafka", "API Management"],
        tagline=["Meshway Event Gateway puts API management controls in front of Kafka-compatible event streams.",
                 "Meshway Event Gateway lets you expose event streams as safely as you expose HTTP APIs."],
        upgrade=code("""
            docker pull meshway/event-gateway:@v@
            docker run -d --name event-gateway \\
              -p 19092:19092 \\
              -v "$PWD/event-gateway.yaml:/etc/meshway/config.yaml" \\
              meshway/event-gateway:@v@
            """),
        features=[
            ("Kafka Protocol Proxying", "Clients connect with standard Kafka libraries while the gateway enforces authentication and topic-level policies."),
            ("Virtual Topics", "Virtual topics expose filtered or renamed views of physical topics to different consumers."),
            ("Schema Validation", "Messages are validated against registered schemas before they are written to a topic."),
            ("Field-Level Encryption", "Sensitive fields can be encrypted at the gateway so they are never stored in plain text on brokers."),
            ("Consumer Quotas", "Produce and consume rates can be limited per client to protect shared clusters."),
            ("REST to Kafka Bridging", "HTTP clients can publish events through a REST endpoint that maps to topics with full policy enforcement."),
        ]),
    "Operator": dict(
        since="2021-01-01", quota=3,
        versions=["1.0", "1.2", "2.0"],
        tags=["Kubernetes", "Automation", "DevOps"],
        tagline=["Meshway Operator manages gateways and their configuration as native Kubernetes resources.",
                 "Meshway Operator automates installing, configuring and upgrading Meshway on Kubernetes."],
        upgrade=code("""
            kubectl apply --server-side \\
              -f https://downloads.meshway.example/operator/v@v@/operator.yaml
            kubectl -n meshway-system rollout status deploy/meshway-operator
            """),
        features=[
            ("Declarative Gateway Management", "Gateways, routes and plugins can be managed entirely with custom resources."),
            ("Automated Upgrades", "The operator performs rolling upgrades of data planes with health checks between each batch."),
            ("Horizontal Autoscaling", "Data planes scale on request rate or latency using built-in metrics adapters."),
            ("Multi-Cluster Control Planes", "One control plane can manage data planes across several clusters."),
            ("Config Drift Detection", "The operator detects and reports manual changes that drift from the declared configuration."),
            ("Single-Manifest Installation", "The operator can be installed with a single manifest, no Helm required."),
        ]),
}

RELEASE_FOLLOWUPS = [
    "It is enabled by default for new installations, and existing deployments can opt in with a single configuration flag.",
    "Early-access customers running large configurations saw the biggest improvements.",
    "The documentation includes a migration guide with before-and-after examples.",
    "This was one of the most requested items on our public roadmap.",
    "It works the same way on Kubernetes, virtual machines and bare metal.",
    "The feature is marked as beta in this release, and we would love your feedback.",
    "No configuration changes are needed to benefit from it.",
    "New metrics for this behavior are exposed alongside the existing ones.",
]
RELEASE_FIXES = [
    "Improved error messages when configuration validation fails.",
    "Reduced memory usage during large configuration reloads.",
    "Fixed a race condition that could drop metrics during shutdown.",
    "Upgraded bundled dependencies to their latest patch releases.",
    "Log lines now include the request ID.",
    "The CLI now supports shell completion for zsh and fish.",
    "Health endpoints now report the status of dependencies.",
    "Improved startup time on large installations.",
    "Documentation examples are now tested in CI.",
    "Fixed incorrect content-length handling for compressed responses.",
    "Admin API pagination now returns results in a consistent order.",
    "Deprecation warnings now link to the relevant migration guide.",
    "Reduced default log verbosity for health checks.",
    "Fixed a memory leak when reloading TLS certificates.",
    "Added support for IPv6-only clusters.",
    "Improved keyboard navigation and screen reader labels in the UI.",
    "Fixed a crash when a configuration file contained an empty list.",
    "Timeouts are now reported separately from connection errors in metrics.",
]
RELEASE_UPGRADE_NOTES = [
    "Upgrading from the previous minor version requires no configuration changes.",
    "As always, upgrade a staging environment first and read the full changelog for anything that affects your setup.",
    "Rolling upgrades are supported, so data planes can be upgraded one at a time.",
    "Release candidates have been running in our own production environment for several weeks.",
]
RELEASE_DEPRECATIONS = [
    "The legacy configuration format is deprecated and will be removed in the next major release.",
    "The v1 Admin API endpoints now return Deprecation headers; please move to the v2 equivalents.",
    "Support for Kubernetes versions older than the three most recent minor releases has ended.",
    "The old metric names are still emitted but marked deprecated; dashboards should switch to the new names.",
]
RELEASE_THEMES = [
    "This release focuses on making large deployments faster and easier to operate.",
    "Most of the work in this cycle went into reliability and day-two operations.",
    "We spent this release cycle listening to feedback from teams running Meshway at scale.",
    "Security and observability were the main themes for this cycle.",
    "This cycle was about removing friction for developers and operators alike.",
]
FEATURE_DETAILS = [
    "Configuration examples for @feature@ are in the updated documentation.",
    "We built @feature@ together with a group of design partners who ran early builds in production.",
    "Under the hood, @feature@ reuses the existing configuration pipeline, so it behaves the same in every deployment mode.",
    "@feature@ is covered by the same compatibility guarantees as every other stable feature.",
    "To see @feature@ in action, watch the short demo in the release webinar recording.",
    "Metrics and logs for @feature@ use the same names across every deployment mode.",
]
CLOUD_NEXT = [
    "Next month we are focusing on performance improvements in the analytics views.",
    "We are also working on deeper integration between the service catalog and the developer portal.",
    "As always, the public roadmap shows what is planned and lets you vote on what matters most to you.",
    "If you have feedback on any of these changes, the feedback button in the console goes straight to the product team.",
]
RELEASE_THANKS = [
    "Thanks to everyone in the community who tested the release candidates and reported issues.",
    "A big thank you to the contributors who sent pull requests for this release.",
    "As always, feedback is welcome in the community forum.",
]

# ---------------------------------------------------------------------------
# News about Meshway. @Year@ in a title is the year of its publishedAt.
# ---------------------------------------------------------------------------

NEWS_ITEMS = [
    dict(kind="community", title="Meshway Joins the Cloud Native Computing Foundation as a Silver Member",
         tags=["Open Source", "Kubernetes", "Service Mesh"],
         lead=["Meshway is now a Silver Member of the Cloud Native Computing Foundation.",
               "The membership formalizes years of contributions to the projects our platform is built on, from Envoy to OpenTelemetry."]),
    dict(kind="event", title="Meshway Summit @Year@: Call for Proposals Is Now Open",
         tags=["Open Source", "API Management"],
         lead=["The call for proposals for Meshway Summit @Year@ is open.",
               "We are looking for talks from practitioners running APIs, gateways and meshes in production, whatever platform they use."]),
    dict(kind="event", title="Meshway Summit @Year@ Recap: Highlights from Two Days of Talks",
         tags=["Open Source", "API Gateway", "Service Mesh"],
         lead=["Meshway Summit @Year@ brought together engineers from more than forty countries for two days of talks and workshops.",
               "Here are the highlights, with links to every recording."]),
    dict(kind="compliance", title="Meshway Achieves SOC 2 Type II Compliance",
         tags=["Security", "API Security"],
         lead=["Meshway Cloud has completed its SOC 2 Type II audit.",
               "The report covers security, availability and confidentiality controls across the hosted platform."]),
    dict(kind="launch", title="Meshway Cloud Expands to São Paulo and Singapore",
         tags=["API Management", "Platform Engineering"], region="sa-east-1",
         lead=["Meshway Cloud control planes can now be hosted in São Paulo and Singapore.",
               "Customers in Latin America and Southeast Asia can keep configuration and analytics data in-region."]),
    dict(kind="launch", title="Meshway Cloud Now Available in the Frankfurt Region",
         tags=["API Management", "Security"], region="eu-central-1",
         lead=["Meshway Cloud is now available in Frankfurt.",
               "The new region helps customers with data residency requirements in the European Union."]),
    dict(kind="community", title="Announcing the Meshway Community Champions Program",
         tags=["Open Source", "API Development"],
         lead=["Today we are launching the Meshway Community Champions program.",
               "Champions are community members who answer questions, write tutorials, speak at meetups and help shape the roadmap."]),
    dict(kind="community", title="Meshway Open Sources meshdeck, Its Declarative Config Tool",
         tags=["Open Source", "Automation", "API Management"],
         lead=["meshdeck, the tool we use internally to manage gateway configuration as code, is now open source under the Apache 2.0 license.",
               "It diffs, validates and syncs declarative configuration against any Meshway control plane."]),
    dict(kind="community", title="Our First Upstream Contributions to OpenTelemetry",
         tags=["Open Source", "OpenTelemetry", "Observability"],
         lead=["Meshway engineers have landed their first contributions to the OpenTelemetry project.",
               "The changes improve span attributes for API gateways and make context propagation more robust for streaming protocols."]),
    dict(kind="launch", title="Meshway Partners with Larkspur Cloud for Managed Gateways",
         tags=["API Gateway", "API Management"],
         lead=["Meshway and Larkspur Cloud are partnering to offer fully managed Meshway Gateway clusters.",
               "Larkspur customers can provision gateways from their existing console and billing account."]),
    dict(kind="security", title="Meshway Launches a Public Bug Bounty Program",
         tags=["Security", "API Security"],
         lead=["Meshway now runs a public bug bounty program covering Meshway Cloud and our open source projects.",
               "Researchers can report vulnerabilities and receive rewards based on severity."]),
    dict(kind="security", title="How Meshway Handles Vulnerability Reports and Security Advisories",
         tags=["Security", "Open Source"],
         lead=["We have published our security advisory process so users know exactly what to expect when a vulnerability is reported.",
               "It covers triage, fixes, coordinated disclosure and how advisories are announced."]),
    dict(kind="community", title="Meshway Gateway Passes 10,000 Stars on GitHub",
         tags=["Open Source", "API Gateway"],
         lead=["The Meshway Gateway repository has passed 10,000 stars on GitHub.",
               "More than four hundred people have contributed code, documentation or plugins along the way."]),
    dict(kind="community", title="Welcoming New Maintainers to the Meshway Mesh Project",
         tags=["Open Source", "Service Mesh"],
         lead=["Three community members have joined the Meshway Mesh project as maintainers.",
               "Together they have reviewed hundreds of pull requests and led the work on multi-zone failover."]),
    dict(kind="community", title="The @Year@ State of API Platforms Report Is Here",
         tags=["API Management", "Platform Engineering", "AI Gateway"],
         lead=["Our annual State of API Platforms report for @Year@ is now available.",
               "More than two thousand engineers shared how they build, secure and operate APIs."]),
    dict(kind="compliance", title="Meshway Achieves ISO 27001 Certification",
         tags=["Security", "API Security"],
         lead=["Meshway has achieved ISO 27001 certification for its information security management system.",
               "The certification covers our people, processes and infrastructure for Meshway Cloud."]),
    dict(kind="company", title="Meshway Opens an Engineering Hub in Lisbon",
         tags=["Engineering Culture", "Platform Engineering"],
         alt="Engineers collaborating in the new Lisbon office",
         sections=[
             ("Why Lisbon", [
                 "Lisbon has a strong engineering community and a time zone that overlaps with both the Americas and the rest of Europe.",
                 "Several of our engineers already live in Portugal and have been asking for a place to meet.",
                 "The city's universities and meetups made it an easy choice.",
                 "The hub is a place to collaborate, not a requirement: remote work remains the default.",
             ]),
             ("What the Team Will Work On", [
                 "The Lisbon team will work on Meshway Cloud, the developer portal and our developer tooling.",
                 "It starts with a dozen engineers and will grow over the next two years.",
                 "Everyone there is on the same career ladder and compensation framework as the rest of the company.",
                 "We will also host community meetups and workshops in the space.",
             ]),
             ("Join Us", [
                 "We are hiring backend, frontend and site reliability engineers at every level.",
                 "Interviews are remote and follow the same process as every other role.",
                 "Relocation support is available for people moving to Portugal.",
                 "Open roles are listed on the careers page.",
             ]),
         ],
         code=code("""
             curl -s "https://careers.meshway.example/api/jobs?location=lisbon" \\
               | jq -r '.jobs[] | "\\(.team): \\(.title)"'
             """),
         lead=["Meshway is opening an engineering hub in Lisbon.",
               "The team will work on Meshway Cloud and the developer portal, and we are hiring across every level."]),
    dict(kind="community", title="Meshway Sponsors the Open API Tooling Fund",
         tags=["Open Source", "API Design"],
         lead=["Meshway is a founding sponsor of the Open API Tooling Fund.",
               "The fund pays maintainers of widely used open source API tools for their time."]),
    dict(kind="launch", title="Meshway Cloud Introduces a Free Developer Tier",
         tags=["API Management", "API Development"],
         lead=["Meshway Cloud now has a free developer tier.",
               "It includes a hosted control plane, one data plane and a developer portal, with no credit card required."]),
    dict(kind="community", title="Meshway Studio Reaches One Million Downloads",
         tags=["API Development", "Testing"],
         lead=["Meshway Studio has been downloaded more than one million times.",
               "Thank you to everyone who designs, debugs and tests their APIs with it."]),
    dict(kind="event", title="Meet Meshway at KubeCon @Year@: Talks, Workshops and Office Hours",
         tags=["Kubernetes", "Service Mesh", "Open Source"],
         lead=["Meshway engineers will be at KubeCon @Year@ with talks, hands-on workshops and open office hours.",
               "Stop by to talk about gateways, meshes and running both on Kubernetes."]),
    dict(kind="company", title="Announcing Long-Term Support Releases for Meshway Gateway",
         tags=["API Gateway", "Security"],
         alt="Timeline of Meshway Gateway long-term support releases",
         sections=[
             ("What LTS Means", [
                 "Each LTS release is supported for three years from its first release date.",
                 "During that time it receives security fixes and fixes for critical bugs, but no new features.",
                 "Patch releases are drop-in replacements, so upgrading within an LTS line never requires configuration changes.",
                 "Regular releases continue to ship every quarter with the latest features.",
             ]),
             ("Choosing a Release Channel", [
                 "Teams that value stability over new features, or that run in regulated environments, should pick the LTS channel.",
                 "Teams that want new capabilities quickly can stay on the regular channel and upgrade each quarter.",
                 "Both channels go through the same test suites and the same release process.",
                 "Moving from the regular channel to the next LTS release is a standard minor upgrade.",
             ]),
             ("Support Timeline", [
                 "The first LTS release will ship together with the next major version.",
                 "A new LTS release will follow roughly every eighteen months, so two LTS lines overlap at any time.",
                 "End-of-life dates are published on the support page the day each LTS line is released.",
                 "Customers with support contracts can request backports of important fixes to older LTS lines.",
             ]),
         ],
         code=code("""
             # Pin a gateway deployment to the LTS channel
             helm upgrade meshway-gateway meshway/gateway -n meshway \\
               --reuse-values --set image.tag=lts
             """),
         lead=["Starting with the next major version, Meshway Gateway will have long-term support releases.",
               "LTS releases receive security fixes and critical bug fixes for three years."]),
    dict(kind="event", title="Introducing Meshway Academy: Free Courses for API Engineers",
         tags=["API Development", "API Design", "Open Source"],
         lead=["Meshway Academy is a free set of self-paced courses on API design, gateways, service meshes and API security.",
               "Every course ends with a hands-on lab you can run on your laptop."]),
]

NEWS_KINDS = {
    "community": dict(
        sections=[
            ("Why This Matters", [
                "Open source is not a side project for us; most of the Meshway platform is built on it.",
                "Our users benefit when the projects underneath them are healthy, well funded and well maintained.",
                "This is also a commitment: more engineering time spent upstream, not just more logos on a page.",
                "We will report on our contributions every quarter so the community can hold us to it.",
            ]),
            ("How to Get Involved", [
                "The easiest way to start is the good-first-issue label in any of our public repositories.",
                "Community calls happen every other Thursday and are open to everyone.",
                "Design proposals are discussed in public, and we welcome feedback from users who have never contributed before.",
                "If you maintain a project that integrates with Meshway, we would love to hear from you.",
            ]),
            ("What Comes Next", [
                "Over the next few months we will publish a public roadmap and a contributor guide.",
                "We are also expanding our documentation translations with help from the community.",
                "Expect more meetups, more office hours and more recorded deep dives.",
                "None of this happens without the people who show up, so thank you.",
            ]),
        ],
        code=code("""
            git clone https://github.example/meshway/meshway-gateway.git
            cd meshway-gateway
            make dev        # builds the gateway and starts a local data plane
            make test       # runs the unit and integration suites
            """),
        alts=["Community members gathered at a Meshway contributor meetup",
              "Illustration of contributors around an open source logo"],
    ),
    "event": dict(
        sections=[
            ("What to Expect", [
                "Expect talks from engineers running APIs and service meshes in production.",
                "Hands-on workshops cover gateway configuration, mesh security and AI traffic governance.",
                "Every talk is recorded and published within a week for those who cannot attend live.",
                "The hallway track, as always, is where the best conversations happen.",
            ]),
            ("Submitting and Attending", [
                "We are looking for stories from production: migrations, incidents, performance work and hard-won lessons.",
                "First-time speakers are especially welcome, and we offer mentoring for every accepted talk.",
                "Proposals are reviewed anonymously by a committee of community members and Meshway engineers.",
                "Attendance is free for community contributors and students.",
            ]),
            ("Practical Details", [
                "The full schedule will be published on the event site a month in advance.",
                "All venues are step-free, and we provide live captions for every session.",
                "Our code of conduct applies to every part of the event, online and in person.",
                "Workshop seats are limited, so register early if you want to join one.",
            ]),
        ],
        code=code("""
            # Run the workshop environment locally before the event
            docker run --rm -it -p 8000:8000 -p 8001:8001 \\
              meshway/workshop:latest
            open http://localhost:8001
            """),
        alts=["Stage at a Meshway event with the conference logo",
              "Attendees at a hands-on workshop"],
    ),
    "compliance": dict(
        sections=[
            ("What This Covers", [
                "The scope covers Meshway Cloud, including the control plane, analytics and developer portal.",
                "Independent auditors reviewed our controls for security, availability and confidentiality.",
                "Software that customers run in their own environments is covered by our secure development lifecycle.",
                "Reports are available to customers and prospects under NDA.",
            ]),
            ("How We Approach Security", [
                "Security reviews are part of the design process, not a gate at the end.",
                "Every change to production goes through peer review and automated checks.",
                "Access to customer data is logged, time-limited and reviewed.",
                "We publish a security advisory for every fixed vulnerability, however small.",
            ]),
            ("Requesting Reports and Reporting Issues", [
                "Customers can download compliance reports from the trust center in the Cloud console.",
                "Security researchers can report vulnerabilities privately through our disclosure page.",
                "We acknowledge every report within two working days.",
                "Questions about our security program can go to the security team directly.",
            ]),
        ],
        code=code("""
            $ meshctl compliance reports list
            NAME                     PERIOD             FORMAT
            soc2-type2               last 12 months     pdf
            iso27001-certificate     current            pdf
            pentest-summary          latest             pdf
            """),
        alts=["Shield illustration representing platform security",
              "Illustration of an audit checklist"],
    ),
    "launch": dict(
        sections=[
            ("What's New", [
                "This has been one of the most frequent requests from customers over the last year.",
                "It is available today, with no changes needed to existing deployments.",
                "Pricing and limits are listed on the pricing page.",
                "We will keep expanding availability based on customer demand.",
            ]),
            ("Getting Started", [
                "Existing customers can start from the Cloud console or the CLI.",
                "New users can sign up and follow the quickstart in a few minutes.",
                "The documentation covers migration from existing setups step by step.",
                "Our solutions engineers are happy to help plan larger rollouts.",
            ]),
            ("Looking Ahead", [
                "This is one step in a longer plan to make Meshway available wherever our customers run.",
                "We will share more on the roadmap at our next community call.",
                "Feedback from early users shaped this launch, and we want to hear yours.",
                "Stay tuned for more announcements over the coming months.",
            ]),
        ],
        code=code("""
            meshctl login
            meshctl cloud control-planes create --name getting-started
            meshctl cloud data-planes connect --control-plane getting-started
            """),
        alts=["Meshway logo over a world map",
              "Meshway Cloud console showing a new control plane"],
    ),
    "security": dict(
        sections=[
            ("Scope", [
                "The program covers Meshway Cloud, Meshway Gateway, Meshway Mesh and Meshway Studio.",
                "Open source repositories are in scope, including the plugins our team maintains.",
                "Denial-of-service testing and social engineering are out of scope.",
                "Researchers must use their own test accounts and never access other customers' data.",
            ]),
            ("How Reports Are Handled", [
                "Every report is acknowledged within two working days.",
                "Our security team triages reports by severity and keeps researchers informed at every step.",
                "Fixes are released as quickly as possible and backported to every supported version.",
                "Once a fix is available, we publish an advisory and credit the researcher if they wish.",
            ]),
            ("How We Approach Security", [
                "Security reviews are part of the design process, not a gate at the end.",
                "Every change to production goes through peer review and automated checks.",
                "Dependencies are scanned continuously, and critical updates ship within days.",
                "We publish a security advisory for every fixed vulnerability, however small.",
            ]),
        ],
        code=code("""
            # List the advisories that affect the versions you have installed
            meshctl security advisories list --installed

            # Subscribe to new advisories as an RSS feed
            curl -s https://meshway.example/security/advisories.rss | head -20
            """),
        alts=["Shield illustration representing platform security",
              "Illustration of a researcher reporting a vulnerability"],
    ),
    "company": dict(sections=[], code="", alts=[]),
}
REGION_CODE = code("""
    meshctl cloud regions list
    meshctl cloud control-planes create --name production --region @region@
    """)
NEWS_CODE_LEADINS = [
    "To try it yourself:",
    "Getting started takes a couple of commands:",
    "If you want to follow along:",
]
NEWS_SPEAKERS = [
    "Elena Popescu, Chief Technology Officer at Meshway",
    "Rafael Quintero, Head of Developer Relations at Meshway",
    "Kwame Asante, Head of Security at Meshway",
    "Aisha Rahman, Director of Product at Meshway",
    "Jonas Brekke, VP of Engineering at Meshway",
]
NEWS_QUOTES = {
    "community": [
        "\u201cOpen source is how we build, and contributing upstream is how we say thank you,\u201d said @speaker@.",
        "\u201cThe community has shaped Meshway since the first commit, and this makes that relationship even stronger,\u201d said @speaker@.",
    ],
    "event": [
        "\u201cThe best talks every year are the ones where someone shares what went wrong and what they learned,\u201d said @speaker@.",
        "\u201cWe want every attendee to leave with at least one idea they can use the following Monday,\u201d said @speaker@.",
    ],
    "compliance": [
        "\u201cCustomers trust us with the traffic that runs their business, and independent verification is part of earning that trust,\u201d said @speaker@.",
        "\u201cSecurity is a practice, not a certificate, but outside scrutiny keeps us honest,\u201d said @speaker@.",
    ],
    "security": [
        "\u201cGood-faith security research makes everyone safer, and researchers deserve a clear process and a fast response,\u201d said @speaker@.",
        "\u201cWe would much rather hear about a vulnerability from a researcher than from an attacker,\u201d said @speaker@.",
    ],
    "company": [
        "\u201cWe want to build the company our engineers would have wanted to join earlier in their careers,\u201d said @speaker@.",
        "\u201cThis is a long-term commitment to the people who run Meshway in production,\u201d said @speaker@.",
    ],
    "launch": [
        "\u201cOur customers asked for this more than anything else this year, and we are excited to see what they build with it,\u201d said @speaker@.",
        "\u201cThis is about meeting teams where they already are, with as little friction as possible,\u201d said @speaker@.",
    ],
}
NEWS_ABOUT = [
    "Meshway builds an API platform for teams that run gateways, service meshes and event streams in production. "
    "Its open source projects are used by thousands of organizations, and Meshway Cloud hosts control planes for teams around the world.",
    "Meshway helps engineering teams design, secure and operate their APIs, from the first request in Meshway Studio "
    "to production traffic on Meshway Gateway and Meshway Mesh. The company is remote-first, with engineers in more than twenty countries.",
]
NEWS_CLOSINGS = [
    "Questions? Reach out on the community forum or to your account team.",
    "We will share more details over the coming weeks.",
    "Thank you to everyone who made this possible.",
]

# ---------------------------------------------------------------------------
# Culture.
# ---------------------------------------------------------------------------

CULTURE_TOPICS = {
    "oncall": dict(
        tags=["Engineering Culture", "DevOps", "Observability"],
        intro=[
            "On-call is where an engineering organization's values stop being slogans and start costing people sleep.",
            "We wanted a rotation that people would still be willing to join after the novelty wore off.",
            "The @team@ team runs a weekly primary and secondary rotation across two time zones.",
            "Being on call should be a normal part of owning a service, not an act of heroism.",
        ],
        sections=[
            ("How the Rotation Works", [
                "Each team with production services runs its own rotation of at least six people.",
                "Shifts last a week, with the handoff on a weekday morning so the outgoing and incoming engineers can talk.",
                "A secondary engineer backs up the primary and takes over if a page goes unacknowledged for ten minutes.",
                "Nobody is on call during their first month, and new members shadow a full shift before their first solo week.",
            ]),
            ("Keeping the Load Humane", [
                "We track pages per shift and treat more than two out-of-hours pages in a week as a problem to fix, not a fact of life.",
                "Every page is reviewed in the weekly handoff, and noisy alerts are tuned or deleted.",
                "Engineers who were paged overnight start late the next day, no questions asked.",
                "On-call time is compensated, and the policy is written down rather than negotiated case by case.",
            ]),
            ("Handoffs", [
                "The outgoing engineer writes a short summary of open issues, recent changes and anything that felt fragile.",
                "Handoffs happen in a fifteen-minute call, because written notes miss tone and uncertainty.",
                "Ongoing incidents are handed over explicitly, with the new owner named in the incident channel.",
                "A shared calendar shows who is on call for every service, including holidays and swaps.",
            ]),
            ("Supporting People", [
                "Nobody should feel alone at three in the morning, so escalating is always the right call.",
                "We run game days where new engineers practice responding to simulated incidents.",
                "Runbooks are updated by whoever found them lacking, during or right after the shift.",
                "Managers are on the escalation path too, which keeps them close to the operational reality of their teams.",
            ]),
        ],
        code=("yaml", code("""
            rotation:
              name: @team_slug@-primary
              schedule: weekly
              handoff: "Tuesday 10:00 Europe/Berlin"
              members: [alex, sam, priya, jonas, mei, tomas]
              escalation:
                - after: 10m
                  notify: @team_slug@-secondary
                - after: 25m
                  notify: engineering-manager
              review:
                out_of_hours_pages_per_week_max: 2
            """)),
        bullets=["At least six people per rotation.", "Weekday handoffs with a live call.",
                 "Review every page weekly.", "Late starts after overnight pages.",
                 "A written compensation policy."],
        hooks=["On-call is where an engineering organization's values start costing people sleep.",
               "We wanted an on-call rotation that people would still join after the novelty wore off.",
               "Being on call should be part of owning a service, not an act of heroism."],
        alts=["Calendar showing a weekly on-call rotation", "Illustration of an engineer handing over a pager"],
    ),
    "postmortems": dict(
        tags=["Engineering Culture", "DevOps", "AIOps"],
        intro=[
            "Every incident is an unplanned investment; the postmortem is how you collect the return.",
            "Blameless does not mean nobody is responsible. It means we look for the conditions that made a mistake easy to make.",
            "Our postmortem process has changed a lot since the first template was written on a whiteboard.",
            "After an outage in the @svc@ service, the review surfaced three contributing factors that nobody had connected before.",
        ],
        sections=[
            ("What Blameless Means to Us", [
                "People make the decisions that seemed right with the information they had at the time.",
                "We ask how the system allowed the failure, not who caused it.",
                "Names appear in the timeline for context, never in the list of causes.",
                "Engineers who share their mistakes openly are thanked in public, which makes the next person more willing to do the same.",
            ]),
            ("The Review Meeting", [
                "Reviews happen within a week, while memories are still fresh.",
                "A facilitator who was not involved in the incident runs the meeting.",
                "We walk through the timeline first and resist jumping to fixes until everyone agrees on what happened.",
                "The meeting ends with a short list of action items, each with a single owner.",
            ]),
            ("Following Through", [
                "Action items are tracked in the same backlog as feature work, not in a separate document that nobody opens.",
                "Engineering managers review open items monthly and escalate the ones that keep slipping.",
                "Some items are deliberately declined, and the reason is written down.",
                "The completion rate for postmortem actions is one of the few metrics our leadership reviews every quarter.",
            ]),
            ("Sharing What We Learn", [
                "Every postmortem is published internally and readable by anyone in the company.",
                "A monthly digest highlights the most interesting incidents and their lessons.",
                "Recurring themes across incidents feed directly into the platform roadmap.",
                "New hires read a curated set of past postmortems during their first week.",
            ]),
        ],
        code=("text", code("""
            Incident: @Svc@ writes failing in eu-west
            Severity: SEV-2
            Duration: 47 minutes

            Summary:              what happened, in two sentences a customer would understand
            Impact:               who was affected, for how long, and how we know
            Timeline (UTC):       key events from the first signal to resolution
            Contributing factors: conditions that made the failure possible or harder to fix
            Action items:         one owner and one due date per item
            """)),
        bullets=["Review within a week.", "Use a neutral facilitator.",
                 "Agree on the timeline before discussing fixes.", "Track actions in the normal backlog.",
                 "Publish every postmortem internally."],
        hooks=["Every incident is an unplanned investment; the postmortem is how you collect the return.",
               "Blameless does not mean nobody is responsible.",
               "A postmortem nobody follows up on is just a well-formatted apology."],
        alts=["Team reviewing an incident timeline on a shared screen", "Illustration of a postmortem document"],
    ),
    "hiring": dict(
        tags=["Engineering Culture", "API Design", "API Development"],
        intro=[
            "Hiring is the most consequential engineering decision we make, and for years we treated it as an afterthought.",
            "Our interview loop used to reward people who were good at interviews, which is not the same as being good at the job.",
            "We rebuilt the process around the work our engineers actually do: designing APIs, reading code and debugging production systems.",
            "Candidates deserve to know what they will be asked and how they will be evaluated.",
        ],
        sections=[
            ("What We Changed", [
                "We replaced algorithm puzzles with an API design exercise based on a real, simplified problem from our platform.",
                "The coding round happens in the candidate's own editor, with documentation and search allowed.",
                "A debugging session asks candidates to find the cause of a failing request using logs and traces.",
                "Every interviewer uses a written rubric, and feedback is submitted before the debrief so nobody anchors on the loudest opinion.",
            ]),
            ("Take-Home or Live?", [
                "Take-home exercises favor people with free evenings, so ours is capped at two hours and paid.",
                "Candidates can choose between the take-home and a live pairing session.",
                "Both options are scored with the same rubric.",
                "Roughly half of candidates pick each option, which suggests the choice matters to people.",
            ]),
            ("Making It Fair", [
                "We publish the structure of the interview loop on our careers page.",
                "Interviewers are trained and shadow at least three loops before interviewing alone.",
                "We review pass rates by stage every quarter to spot where the process might be filtering for the wrong things.",
                "Every candidate gets a response within five working days, including those we do not move forward.",
            ]),
            ("What We Learned", [
                "The new loop takes slightly longer to run but produces far fewer split decisions.",
                "Offer acceptance went up, and several candidates mentioned the process as the reason.",
                "New hires ramp up faster because the interview already resembled the job.",
                "We still make mistakes, but they are now the kind we can learn from.",
            ]),
        ],
        code=("yaml", code("""
            exercise: api-design
            duration: 60m
            signals:
              - name: resource-modeling
                strong: "Identifies core resources and relationships without prompting"
                weak: "Models every endpoint as a remote procedure call"
              - name: error-handling
                strong: "Designs consistent errors and discusses retries and idempotency"
                weak: "Only covers the happy path"
              - name: evolution
                strong: "Considers versioning and backward compatibility"
                weak: "Does not consider existing clients"
            """)),
        bullets=["Interview for the work people will actually do.", "Use written rubrics.",
                 "Collect feedback before the debrief.", "Offer a choice between take-home and live.",
                 "Answer every candidate within five working days."],
        hooks=["Hiring is the most consequential engineering decision we make.",
               "Our interview loop used to reward people who were good at interviews.",
               "Candidates deserve to know what they will be asked and how they will be evaluated."],
        alts=["Two engineers pairing during an interview", "Illustration of an interview rubric"],
    ),
    "onboarding": dict(
        tags=["Engineering Culture", "Platform Engineering", "DevOps"],
        intro=[
            "A new engineer's first month sets expectations that last for years.",
            "We measure onboarding by one number: how long it takes a new hire to ship a change to production.",
            "When that number was three weeks, we knew the problem was our tooling, not our new hires.",
            "Every new platform engineer gets a buddy, a starter project and a laptop that builds the main repositories on day one.",
        ],
        sections=[
            ("Day One", [
                "The laptop arrives with access already provisioned and a single bootstrap script that installs everything else.",
                "By the afternoon, new hires have cloned the main repositories and run the test suites locally.",
                "Their buddy walks them through the architecture using the same diagrams we use in incident reviews.",
                "The day ends with a small, real change opened as a pull request.",
            ]),
            ("The First Two Weeks", [
                "A starter project gives new hires a real problem with a clear scope and a friendly reviewer.",
                "They attend an incident review, a design review and a planning meeting before being asked to contribute to one.",
                "Reading a curated set of postmortems gives them the history behind decisions that might otherwise look strange.",
                "They shadow an on-call shift without carrying the pager.",
            ]),
            ("Finding Your Way Around", [
                "The service catalog answers most who-owns-what questions without needing to ask.",
                "Every repository has a README that explains how to run, test and deploy it in under five minutes.",
                "Questions in the onboarding channel are answered within the hour, and repeated questions become documentation.",
                "Glossaries are surprisingly valuable: every company has its own words for things.",
            ]),
            ("Feedback Loops", [
                "New hires fill out a short survey at the end of weeks one, two and four.",
                "The survey asks what was confusing and what was missing, and the answers drive changes to the process.",
                "The most recent hires update the onboarding guide, because they remember what was hard.",
                "Our time to first production change is now under two days.",
            ]),
        ],
        code=("bash", code("""
            #!/usr/bin/env bash
            # bootstrap.sh: set up a new laptop for platform work
            set -euo pipefail

            brew bundle --file=Brewfile
            mise install                     # pinned versions of Go, Java, Node and Terraform
            ./scripts/clone-core-repos.sh
            make -C platform-tools doctor    # checks access, SSO and cluster contexts
            echo "You're ready. Pick a starter issue labelled good-first-change."
            """)),
        bullets=["Provision access before day one.", "Ship a real change in the first week.",
                 "Pair every new hire with a buddy.", "Survey new hires at weeks one, two and four.",
                 "Let the newest hires own the onboarding guide."],
        hooks=["A new engineer's first month sets expectations that last for years.",
               "We measure onboarding by how long it takes a new hire to ship a change to production.",
               "When onboarding took three weeks, the problem was our tooling, not our new hires."],
        alts=["New engineer at a desk with a welcome pack", "Illustration of a first-week checklist"],
    ),
    "designdocs": dict(
        tags=["Engineering Culture", "API Design", "Platform Engineering"],
        intro=[
            "Writing is thinking, and a design doc is the cheapest place to find out that an idea does not work.",
            "We write design docs for changes that affect more than one team, take more than a few weeks or are hard to reverse.",
            "Our template is short on purpose: a doc that takes a week to write will not get written.",
            "Design docs also become the memory of the organization, explaining why things are the way they are.",
        ],
        sections=[
            ("When to Write One", [
                "Not every change needs a document, and requiring one for everything teaches people to write empty ones.",
                "Our rule of thumb is one page for anything that another team will have to live with.",
                "Small, reversible changes get a paragraph in the pull request description instead.",
                "When in doubt, a short doc is cheaper than a long meeting.",
            ]),
            ("What Goes In", [
                "Every doc states the problem, the goals and, just as importantly, the non-goals.",
                "The alternatives section is mandatory, because a design with no alternatives usually means nobody looked.",
                "Rollout, migration and how we will know it worked get their own sections.",
                "Diagrams are welcome, but they must be readable without a tour guide.",
            ]),
            ("The Review", [
                "Reviews happen asynchronously in comments first, then in a short meeting only if needed.",
                "Each doc names its approvers up front, so nobody waits for a vague sense of consensus.",
                "Reviewers are expected to say explicitly whether they approve, object or simply have questions.",
                "A fixed review window of one week keeps documents from lingering forever.",
            ]),
            ("After the Decision", [
                "Approved docs are indexed in the catalog next to the services they describe.",
                "When reality diverges from the design, we add a short update at the top instead of rewriting history.",
                "Superseded docs link to their replacements.",
                "Reading old design docs has become one of the most useful parts of onboarding.",
            ]),
        ],
        code=("text", code("""
            Title:      Move @svc@ rate limiting into the gateway
            Author(s):  @team@ team
            Status:     In review
            Approvers:  platform, security

            Context                  What problem are we solving, and why now?
            Goals and non-goals      What this design will and will not do
            Proposal                 The design, with enough detail to estimate
            Alternatives considered  What else we looked at and why we did not pick it
            Risks and rollout        How we ship safely and how we know it worked
            """)),
        bullets=["State the non-goals.", "Always list alternatives.", "Name approvers up front.",
                 "Keep a fixed review window.", "Index approved docs next to the code."],
        hooks=["Writing is thinking, and a design doc is the cheapest place to find out an idea does not work.",
               "Our design doc template is short on purpose.",
               "Design docs become the memory of the organization."],
        alts=["Design document open next to an architecture diagram", "Illustration of reviewers commenting on a document"],
    ),
    "hackweek": dict(
        tags=["Engineering Culture", "Open Source", "Automation"],
        intro=[
            "Once a year, we put the roadmap aside for a week and let engineers build whatever they think matters.",
            "Hack week is part celebration, part research and part pressure valve for ideas that never fit into a sprint.",
            "This year, @teams@ people took part across engineering, design, support and sales.",
            "The rules are simple: work on something you care about, and demo it on Friday, finished or not.",
        ],
        sections=[
            ("How Hack Week Works", [
                "Ideas are collected in a shared board for a month beforehand, and anyone can join any project.",
                "Teams form on Monday morning and are deliberately mixed across departments.",
                "Meetings are cancelled for the week, and on-call is covered by volunteers who get a week off later.",
                "Friday afternoon is reserved for demos, with five minutes per project and no slides required.",
            ]),
            ("Highlights", [
                "One team built a linter that catches risky gateway configuration before it reaches review.",
                "Another wired incident channels to a bot that drafts a timeline from alerts and deploys.",
                "Support engineers built a dashboard that shows which documentation pages lead to tickets.",
                "A small group rewrote the slowest test suite and cut its runtime by two thirds.",
            ]),
            ("What Shipped Afterwards", [
                "Roughly a third of projects turn into real work within a quarter.",
                "Projects that ship get an owner and a slot on a team's roadmap, not just goodwill.",
                "Several of last year's projects are now open source.",
                "Even the projects that did not ship taught us something about what not to build.",
            ]),
            ("Running Your Own", [
                "Protect the week: if people are pulled back into normal work, the whole thing collapses.",
                "Mix teams across roles, because the best ideas often come from people who feel the pain.",
                "Celebrate demos of failed experiments as loudly as successful ones.",
                "Follow up a month later, or the best projects quietly disappear.",
            ]),
        ],
        code=("yaml", code("""
            hackweek:
              projects: 20
              participants: @teams@
              demos: "Friday 15:00 UTC"
              awards: [most-useful, best-demo, most-likely-to-ship]
              shipped_within_a_quarter:
                - gateway-config-linter
                - incident-timeline-bot
                - docs-to-tickets-dashboard
            """)),
        bullets=["Protect the week from normal work.", "Mix teams across roles.",
                 "Demo everything, finished or not.", "Give shipped projects an owner.",
                 "Follow up after a month."],
        hooks=["Once a year, we put the roadmap aside and let engineers build whatever they think matters.",
               "Hack week is part celebration, part research and part pressure valve.",
               "Work on something you care about, and demo it on Friday, finished or not."],
        alts=["Engineers demoing a project on a big screen", "Sticky notes with hack week ideas on a wall"],
    ),
    "remote": dict(
        tags=["Engineering Culture", "DevOps", "Platform Engineering"],
        intro=[
            "Our engineering team spans nine time zones, which means some colleagues never share a working hour.",
            "Remote work is not office work over video; it needs its own habits and rituals.",
            "We default to writing, and we meet when writing stops working.",
            "The @team@ team was the first to try most of these rituals, and the rest of engineering adopted the ones that stuck.",
        ],
        sections=[
            ("Async by Default", [
                "Decisions are made in documents and threads, with a clear owner and a deadline for comments.",
                "Status updates are written once a week instead of spoken every morning.",
                "Recorded walkthroughs replace many meetings and can be watched at double speed.",
                "We write for the reader who will find the thread six months later.",
            ]),
            ("Rituals That Stuck", [
                "Every other Friday, teams demo unfinished work to anyone who wants to watch.",
                "Architecture office hours run twice a week at times that suit different regions.",
                "Monthly retrospectives are run in a shared document, with a short call to agree on actions.",
                "A weekly written update from each team replaced a standing meeting that nobody missed.",
            ]),
            ("Meetings We Cancelled", [
                "We audited recurring meetings and cancelled any whose purpose nobody could state in one sentence.",
                "Status meetings became documents; planning meetings became shorter and better prepared.",
                "The meetings that remain have an agenda, notes and a clear decision-maker.",
                "Calendar time for focused work went up noticeably after the audit.",
            ]),
            ("Staying Connected", [
                "Teams meet in person twice a year, and those weeks are for planning and relationships, not for laptops.",
                "Optional social calls happen in every region at local lunchtime.",
                "New hires get a budget to visit a teammate during their first quarter.",
                "Small rituals, like celebrating releases in a shared channel, matter more than they seem.",
            ]),
        ],
        code=("yaml", code("""
            rituals:
              - name: weekly-written-update
                when: friday
                format: async
              - name: demo-day
                when: every other friday, 15:00 UTC
                format: video, recorded
              - name: architecture-office-hours
                when: [tuesday 07:00 UTC, thursday 16:00 UTC]
                format: open drop-in
              - name: team-retro
                when: last wednesday of the month
                format: shared doc, then 30 minute call
            """)),
        bullets=["Default to writing.", "Give every decision an owner and a deadline.",
                 "Record demos and walkthroughs.", "Audit recurring meetings.",
                 "Meet in person for planning and relationships."],
        hooks=["Our engineering team spans nine time zones, so some colleagues never share a working hour.",
               "Remote work is not office work over video; it needs its own habits and rituals.",
               "We default to writing, and we meet when writing stops working."],
        alts=["Video call grid with engineers from several time zones", "World map with team members' locations"],
    ),
    "growth": dict(
        tags=["Engineering Culture", "Platform Engineering"],
        intro=[
            "People do their best work when they know what is expected of them and how to grow.",
            "Our first career ladder was written by managers for managers, and engineers mostly ignored it.",
            "The second version was written with engineers from every level, and it is used every week.",
            "Growth is not only promotions; it is also learning, mentoring and being trusted with harder problems.",
        ],
        sections=[
            ("Why a Ladder", [
                "Without a shared description of each level, expectations depend on who your manager is.",
                "A good ladder describes impact and scope rather than a checklist of tasks.",
                "It has to work for people who want to stay technical as well as for people who want to manage.",
                "It is a tool for conversations, not a substitute for them.",
            ]),
            ("Levels and Expectations", [
                "Each level is described in terms of technical scope, collaboration and impact.",
                "Examples from real work make the abstract descriptions concrete.",
                "Staff and principal engineers have explicit expectations for mentoring and cross-team design.",
                "The ladder is reviewed every year, and anyone can propose changes.",
            ]),
            ("Promotions", [
                "Promotions are decided by a calibrated group, not by a single manager.",
                "Engineers write their own promotion documents with help from their manager.",
                "Evidence matters more than tenure, and unsuccessful cases receive specific, written feedback.",
                "We track promotion rates across teams to catch inconsistencies early.",
            ]),
            ("Mentoring and Sponsorship", [
                "Mentors share advice; sponsors put people forward for opportunities.",
                "Every senior engineer mentors at least one person, and that work counts towards their own growth.",
                "Pairing is the most effective way we have found to spread knowledge quickly.",
                "Sponsorship is tracked deliberately, because it tends to flow to people who already look like the sponsors.",
            ]),
        ],
        code=("yaml", code("""
            level: senior-engineer
            scope: a system or a group of related services
            expectations:
              technical:
                - Designs changes that other teams can build on
                - Leads incident response for their systems
              collaboration:
                - Reviews designs across teams
                - Mentors at least one engineer
              impact:
                - Delivers projects that span several quarters
            """)),
        bullets=["Describe impact and scope, not tasks.", "Support technical and management tracks.",
                 "Calibrate promotions across teams.", "Give written feedback on every case.",
                 "Track mentoring and sponsorship deliberately."],
        hooks=["People do their best work when they know what is expected of them and how to grow.",
               "Our first career ladder was written by managers for managers.",
               "Growth is not only promotions; it is learning, mentoring and harder problems."],
        alts=["Illustration of a career ladder with several paths", "Two engineers pairing at one screen"],
    ),
}

CULTURE_ITEMS = [
    ("postmortems", "How We Run Blameless Postmortems Without Losing Accountability"),
    ("oncall", "Our On-Call Handbook, Two Years In"),
    ("oncall", "Making On-Call Humane: Rotations, Handoffs and Compensation"),
    ("hiring", "What Our Interview Loop Looks Like and Why We Changed It"),
    ("hiring", "Take-Home or Live Coding? How We Redesigned Technical Interviews"),
    ("onboarding", "The First 30 Days of a New Platform Engineer"),
    ("designdocs", "Why We Write Design Docs Before We Write Code"),
    ("designdocs", "Writing Things Down: Our Approach to Internal Documentation"),
    ("hackweek", "Hack Week Recap: Twenty Projects in Five Days"),
    ("remote", "Rituals for a Remote Engineering Team Across Nine Time Zones"),
    ("remote", "Demo Days: Showing Unfinished Work Every Other Friday"),
    ("growth", "Building an Engineering Career Ladder People Actually Use"),
    ("growth", "Pairing, Mentoring and Sponsorship: How We Grow Engineers"),
]
CULTURE_CLOSINGS = (["What's Next", "Closing Thoughts", "Still Learning"], [
    "We are still iterating, and the next version of this will look different again.",
    "If your team does something similar, or something very different, we would love to compare notes.",
    "None of this works without people who care about making it work, and we are lucky to have them.",
    "If this sounds like a place you would enjoy, take a look at our open roles.",
    "The most important lesson was to change one thing at a time and ask people how it felt.",
])
CULTURE_PROMISES = [
    "Here is how it works today, what we changed along the way and what we are still figuring out.",
    "This post describes what we do, why we do it and what we would tell a team starting out.",
    "We share the practices that stuck and the ones we quietly dropped.",
]

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"@([A-Za-z_][A-Za-z0-9_]*)@")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INSTANT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMBER_WORDS = {3: "three", 4: "four", 5: "five", 6: "six"}
ALL_TAGS = []          # featured + extra, filled in main()
UTC = dt.timezone.utc


def fail(message):
    sys.exit("generate_demo.py: error: " + message)


def check(condition, message):
    if not condition:
        fail("self-check failed: " + message)


def fill(text, ctx):
    return PLACEHOLDER.sub(lambda m: ctx.get(m.group(1), m.group(0)), text)


def cap_words(text):
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def sentence_case(text):
    return text[:1].upper() + text[1:]


def pick_ordered(pool, n):
    """n distinct items of pool, keeping their original (logical) order."""
    n = min(n, len(pool))
    return [pool[i] for i in sorted(rng.sample(range(len(pool)), n))]


def for_tech(items, tech):
    """Items without a technology restriction, plus those restricted to tech."""
    return [it for it in items if len(it) < 3 or it[2] == tech]


# Things that did not exist yet (or were not talked about) before a date. Posts
# dated earlier never get a title, technology, sentence or snippet that matches.
SINCE_RULES = [(re.compile(pattern, flags), dt.date.fromisoformat(since)) for pattern, flags, since in [
    (r"virtual thread", re.I, "2023-10-01"),
    (r"ZGenerational|Generational ZGC|Java 21", 0, "2023-10-01"),
    (r"spring\.threads\.virtual", 0, "2023-12-01"),
    (r"\bMCP\b", 0, "2025-01-15"),
    (r"\bLLMs?\b|large language model|generative AI|AI-generated|language model", re.I, "2023-01-15"),
    (r"\bAI gateway", re.I, "2023-03-01"),
    (r"ambient mode", re.I, "2022-10-01"),
    (r"gpt-4o", 0, "2024-06-01"),
    (r"ai-proxy|ai-prompt-guard|ai-rate-limiting", 0, "2024-03-01"),
    (r"\bSLSA\b", 0, "2021-09-01"),
    (r"gateway\.networking\.k8s\.io/v1\b", 0, "2023-11-01"),
    (r"MeshTimeout|MeshTrafficPermission", 0, "2023-01-01"),
    (r"kong/ingress|deck gateway", 0, "2023-10-01"),
    (r"konnect_gateway", 0, "2024-06-01"),
    (r"\bValkey\b", 0, "2024-05-01"),
    (r"\bGemini\b", 0, "2024-01-01"),
    (r"\bMistral\b", 0, "2023-10-01"),
    (r"\bTypeSpec\b", 0, "2023-06-01"),
    (r"Grafana OnCall", 0, "2022-07-01"),
    (r"event gateway", re.I, "2023-01-01"),
    (r"postgres:16", 0, "2023-10-01"),
]]
TOPIC_SINCE = {"ai-gateway": dt.date(2023, 3, 1)}


def available(text, day):
    return all(day >= since or not pattern.search(text) for pattern, since in SINCE_RULES)


def usable(items, day, text_of=lambda x: x):
    """Items available on day; all items if none would be left."""
    kept = [x for x in items if available(text_of(x), day)]
    return kept or list(items)


def topic_at(t, day):
    """A view of topic t with only what existed on day."""
    view = dict(t)
    for field in ("techs", "intro", "hooks", "bullets"):
        view[field] = usable(t[field], day)
    view["code"] = usable(t["code"], day, lambda c: c[1])
    sections = []
    for s in t["sections"]:
        sentences = [x for x in s[1] if available(x, day)]
        if len(sentences) >= 3:
            sections.append((s[0], sentences) + tuple(s[2:]))
    view["sections"] = sections or list(t["sections"])
    return view


def fence(lang, text):
    return "```" + lang + "\n" + text + "\n```"


# Letters Unicode does not decompose (the app's Slugs class maps the same ones).
SPECIAL_LETTERS = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}


def slugify(title):
    s = title.lower()
    for letter, replacement in SPECIAL_LETTERS.items():
        s = s.replace(letter, replacement)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    s = s.replace("&", " and ")
    s = re.sub(r"(?<=\d),(?=\d)", "", s)          # 2,000 -> 2000
    s = re.sub(r"['\u2019]", "", s)              # don't -> dont
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > 80:
        cut = s[:80]
        if s[80] != "-":
            cut = cut.rsplit("-", 1)[0]
        s = cut.strip("-")
    return s


def instant(d, minutes):
    return dt.datetime(d.year, d.month, d.day, minutes // 60, minutes % 60, tzinfo=UTC)


def iso(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def spread_days(first, last, n):
    """n weekdays spread evenly over [first, last] with jitter, ascending."""
    total = (last - first).days + 1
    step = total / n
    days = []
    for i in range(n):
        offset = (i + 0.5) * step + rng.uniform(-0.3, 0.3) * step
        d = first + dt.timedelta(days=int(offset))
        if d.weekday() == 5:
            d -= dt.timedelta(days=1)
        elif d.weekday() == 6:
            d += dt.timedelta(days=1)
        days.append(min(max(d, first), last))
    return days


class Clock:
    """Hands out distinct instants between 09:00 and 19:59 UTC."""

    def __init__(self):
        self.used = set()

    def reserve(self, moment):
        check(moment not in self.used, "instant reserved twice: " + iso(moment))
        self.used.add(moment)

    def on(self, day):
        while True:
            moment = instant(day, 9 * 60 + rng.randrange(11 * 60))
            if moment not in self.used:
                self.used.add(moment)
                return moment


class Authors:
    def __init__(self):
        self.count = {a: 0 for a in AUTHORS}

    def pick(self, candidates):
        low = min(self.count[a] for a in candidates)
        best = [a for a in candidates if self.count[a] == low]
        author = rng.choice(best)
        self.count[author] += 1
        return author


def new_ctx():
    svc = rng.choice(SERVICES)
    team = rng.choice(TEAMS)
    weeks = rng.choice(WEEKS)
    return dict(
        svc=svc, Svc=svc.capitalize(), team=team, Team=cap_words(team),
        team_slug=team.replace(" ", "-").lower(),
        p99=rng.choice(P99S), pct=rng.choice(PCTS), rps=rng.choice(RPSS),
        nodes=rng.choice(NODES), services=rng.choice(SERVICE_COUNTS),
        clusters=rng.choice(CLUSTERS), weeks=weeks, Weeks=weeks.capitalize(),
        teams=rng.choice(TEAM_COUNTS),
    )


def set_subject(ctx, subject):
    title_form, lower_form = subject
    ctx.update(Subject=title_form, subject=lower_form, Subject_s=sentence_case(lower_form))


def pick_tags(base, title, tech=None, low=2, high=4):
    """Primary tag, then tags named in the title or by the technology, then extras."""
    tags = [base[0]]
    by_name = {t.lower(): t for t in ALL_TAGS}
    if tech and tech.lower() in by_name and by_name[tech.lower()] not in tags:
        tags.append(by_name[tech.lower()])     # only passed when the post is about tech
    for tag in ALL_TAGS:
        if tag == "Go" or tag in tags:
            continue
        if re.search(r"(?<![\w-])" + re.escape(tag) + r"(?![\w-])", title):
            tags.append(tag)
    target = rng.randint(low, high)
    extras = [t for t in base[1:] if t not in tags]
    rng.shuffle(extras)
    for extra in extras:
        if len(tags) >= target:
            break
        tags.append(extra)
    return tags[:high]


def word_count(text):
    return len(text.split())


def excerpt_from(first_choices, second_choices, ctx, filler=()):
    """1-3 plain-text sentences, 140-300 characters."""
    for _ in range(60):
        parts = [fill(rng.choice(first_choices), ctx), fill(rng.choice(second_choices), ctx)]
        text = " ".join(parts)
        if len(text) < 140 and filler:
            extra = fill(rng.choice(filler), ctx)
            if extra not in parts:
                text = parts[0] + " " + extra + " " + parts[1]
        if 140 <= len(text) <= 300:
            return text
    fail("could not build an excerpt from: " + first_choices[0])


# ---------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------

def body_with_sections(intro, sections, code_block, closing, bullets, link, leadins, asides=()):
    """Assemble Markdown: intro, '## ' sections (code, bullets and link placed in
    random sections), optional closing section."""
    blocks = [intro]
    n = len(sections)
    code_at = rng.randrange(n)
    bullets_at = rng.randrange(n) if bullets else None
    link_at = rng.randrange(n) if link else None
    spare_asides = list(asides)
    rng.shuffle(spare_asides)
    for i, (heading, sentences) in enumerate(sections):
        blocks.append("## " + heading)
        sentences = list(sentences)
        if spare_asides and rng.random() < 0.3:
            sentences.append(spare_asides.pop())
        if link_at == i:
            sentences.append(link)
        if len(sentences) >= 5 and rng.random() < 0.6:
            cut = rng.randint(2, len(sentences) - 2)
            paragraphs = [" ".join(sentences[:cut]), " ".join(sentences[cut:])]
        else:
            paragraphs = [" ".join(sentences)]
        if code_at == i:
            where = rng.randint(1, len(paragraphs))
            paragraphs[where:where] = [rng.choice(leadins), fence(*code_block)]
        blocks.extend(paragraphs)
        if bullets_at == i:
            lead, items = bullets
            blocks.append(lead)
            blocks.append("\n".join("- " + item for item in items))
    if closing:
        heading, text = closing
        blocks.append("## " + heading)
        blocks.append(text)
    return "\n\n".join(blocks)


def engineering_body(key, t, kind, ctx, tech):
    sections_pool = for_tech(t["sections"], tech) or for_tech(ENG_TOPICS[key]["sections"], tech)
    code_pool = for_tech(t["code"], tech) or for_tech(ENG_TOPICS[key]["code"], tech)
    for _ in range(60):
        intro = " ".join([rng.choice(OPENERS[kind])]
                         + pick_ordered(t["intro"], rng.randint(2, 3))
                         + [rng.choice(ROADMAPS[kind])])
        total = rng.choice([2, 3, 3, 4, 4])
        has_closing = rng.random() < (0.8 if total >= 3 else 0.4)
        chosen = pick_ordered(sections_pool, total - (1 if has_closing else 0))
        sections = [(s[0], pick_ordered(s[1], rng.randint(3, len(s[1])))) for s in chosen]
        closing = None
        if has_closing:
            headings, pool = CLOSINGS[kind]
            closing = (rng.choice(headings), " ".join(pick_ordered(pool, rng.randint(2, 3))))
        bullets = None
        if rng.random() < 0.5:
            bullets = (rng.choice(BULLET_LEADINS), pick_ordered(t["bullets"], rng.randint(3, 5)))
        link = None
        if rng.random() < 0.4:
            ltext, lurl = rng.choice(t["links"])
            link = fill(rng.choice(LINK_SENTENCES), dict(ltext=ltext, lurl=lurl))
        snippet = rng.choice(code_pool)
        body = fill(body_with_sections(intro, sections, snippet[:2], closing, bullets, link,
                                       CODE_LEADINS, ASIDES), ctx)
        if 260 <= word_count(body) <= 880:
            return body, len(snippet) > 2
    fail("could not build a body in range for topic with intro: " + t["intro"][0])


# ---------------------------------------------------------------------------
# Engineering posts
# ---------------------------------------------------------------------------

class TitlePicker:
    """Hand-written per-topic title patterns first (each used once, patterns with
    @tech@ at most twice with different technologies), generic patterns as filler."""

    def __init__(self, used_titles):
        self.used_titles = used_titles
        self.queues = {}
        for key, t in ENG_TOPICS.items():
            entries = []
            for item in t["titles"]:
                entries.append(dict(kind=item[0], tpl=item[1],
                                    fixed=item[2] if len(item) > 2 else None, techs=[]))
            rng.shuffle(entries)
            self.queues[key] = entries
        self.generic_uses = [0] * len(GENERIC_TITLES)

    def pick(self, key, ctx, day):
        t = ENG_TOPICS[key]
        techs_now = usable(t["techs"], day)
        queue = self.queues[key]
        for pos, entry in enumerate(queue):
            if not available(entry["tpl"], day):
                continue
            if entry["fixed"]:
                tech = entry["fixed"]
            else:
                free = [x for x in techs_now if x not in entry["techs"]]
                if not free:
                    continue
                tech = rng.choice(free)
            ctx["tech"] = tech
            set_subject(ctx, rng.choice(t["subjects"]))
            title = fill(entry["tpl"], ctx)
            if title in self.used_titles or not 30 <= len(title) <= 90 or not available(title, day):
                continue
            queue.pop(pos)
            if "@tech@" in entry["tpl"]:
                entry["techs"].append(tech)
                if len(entry["techs"]) < 2 and len(entry["techs"]) < len(t["techs"]):
                    queue.append(entry)
            self.used_titles.add(title)
            return entry["kind"], title, tech, bool(entry["fixed"]) or "@tech@" in entry["tpl"]
        while True:
            low = min(self.generic_uses)
            index = rng.choice([i for i, u in enumerate(self.generic_uses) if u == low])
            self.generic_uses[index] += 1
            kind, tpl = GENERIC_TITLES[index]
            tech = rng.choice(techs_now)
            ctx["tech"] = tech
            set_subject(ctx, rng.choice(t["subjects"]))
            title = fill(tpl, ctx)
            if title not in self.used_titles and 30 <= len(title) <= 90 and available(title, day):
                self.used_titles.add(title)
                return kind, title, tech, False


def engineering_post(key, day, picker, authors, affinity):
    t = topic_at(ENG_TOPICS[key], day)
    ctx = new_ctx()
    kind, title, tech, tech_in_title = picker.pick(key, ctx, day)
    excerpt = excerpt_from(t["hooks"], PROMISES[kind], ctx, filler=t["intro"])
    body, tech_snippet = engineering_body(key, t, kind, ctx, tech)
    return dict(
        title=title,
        category=ENGINEERING,
        tags=pick_tags(t["tags"], title, tech if tech_in_title or tech_snippet else None),
        author=authors.pick([a for a in AUTHORS if key in affinity[a]]),
        excerpt=excerpt,
        body=body,
        imageAlt=rng.choice(t["alts"]),
    )


# ---------------------------------------------------------------------------
# Other categories
# ---------------------------------------------------------------------------

def learning_post(item, day, authors, used_titles):
    title, topic_keys, definition = item
    topics = [topic_at(ENG_TOPICS[k], day) for k in topic_keys]
    ctx = new_ctx()
    ctx["tech"] = rng.choice(topics[0]["techs"])
    set_subject(ctx, rng.choice(topics[0]["subjects"]))
    first_sentence = definition.split(". ")[0] + "."
    promises = list(LEARNING_PROMISES)
    rng.shuffle(promises)
    excerpt = next((first_sentence + " " + p for p in promises
                    if 140 <= len(first_sentence + " " + p) <= 300), None)
    if excerpt is None:
        check(140 <= len(definition) <= 300, "learning definition unusable as excerpt: " + title)
        excerpt = definition
    sections_pool = [s for t in topics for s in t["sections"]]
    code_pool = [c for t in topics for c in t["code"]]
    bullet_pool = [b for t in topics for b in t["bullets"]]
    for _ in range(60):
        intro = " ".join([definition, rng.choice(topics[0]["intro"]), rng.choice(LEARNING_ROADMAPS)])
        chosen = rng.sample(sections_pool, rng.choice([2, 2, 3]))
        sections = [(s[0], pick_ordered(s[1], rng.randint(3, len(s[1])))) for s in chosen]
        takeaways = "\n".join("- " + b for b in pick_ordered(bullet_pool, rng.randint(3, 5)))
        closing = (rng.choice(LEARNING_CLOSINGS), takeaways)
        link = None
        if rng.random() < 0.5:
            ltext, lurl = rng.choice([l for t in topics for l in t["links"]])
            link = fill(rng.choice(LINK_SENTENCES), dict(ltext=ltext, lurl=lurl))
        body = fill(body_with_sections(intro, sections, rng.choice(code_pool)[:2], closing, None,
                                       link, CODE_LEADINS), ctx)
        if 260 <= word_count(body) <= 880:
            break
    else:
        fail("could not build a learning body for " + title)
    base_tags = [x for x in ALL_TAGS
                 if re.search(r"(?<![\w-])" + re.escape(x) + r"(?![\w-])", title) and x != "Go"]
    for t in topics:
        base_tags += [x for x in t["tags"] if x not in base_tags]
    used_titles.add(title)
    return dict(
        title=title,
        category=LEARNING,
        tags=pick_tags(base_tags, title, None),
        author=authors.pick(AUTHORS),
        excerpt=excerpt,
        body=body,
        imageAlt=rng.choice(topics[0]["alts"]),
    )


def assign_products(days):
    """Give each release date a product, respecting 'since' dates and quotas."""
    remaining = {p: spec["quota"] for p, spec in PRODUCTS.items()}
    since = {p: dt.date.fromisoformat(spec["since"]) for p, spec in PRODUCTS.items()}
    check(sum(remaining.values()) == len(days), "release quotas must add up to the release count")
    result = []
    for i, day in enumerate(days):
        eligible = [p for p in PRODUCTS if remaining[p] > 0 and day >= since[p]]
        urgency = {p: remaining[p] / sum(1 for d in days[i:] if d >= since[p]) for p in eligible}
        forced = [p for p in eligible if urgency[p] >= 1 - 1e-9]
        if forced:
            product = forced[0]
        else:
            product = rng.choices(eligible, weights=[urgency[p] for p in eligible])[0]
        remaining[product] -= 1
        result.append(product)
    check(all(v == 0 for v in remaining.values()), "release products could not be assigned")
    return result


def release_posts(days, authors, clock, used_titles):
    products = assign_products(days)
    features_left = {}
    for p, spec in PRODUCTS.items():
        feats = list(spec["features"])
        rng.shuffle(feats)
        features_left[p] = feats
    release_no = {p: 0 for p in PRODUCTS}
    cloud_tf = ["1.2", "1.5", "1.9", "2.1", "2.4"]
    posts = []
    for day, product in zip(days, products):
        spec = PRODUCTS[product]
        n = release_no[product]
        release_no[product] += 1
        (f1, d1), (f2, d2) = features_left[product].pop(), features_left[product].pop()
        name = "Meshway " + product
        if product == "Cloud":
            month = MONTHS[day.month - 1]
            version = cloud_tf[n]
            title = "What's New in Meshway Cloud: %s %d" % (month, day.year)
            alt = "Meshway Cloud changelog banner for %s %d" % (month, day.year)
        else:
            version = spec["versions"][n]
            label = "%s %s" % (name, version)
            if n == 0 and version.endswith(".0"):
                label = "Introducing " + label
            title = "%s: %s and %s" % (label, f1, f2)
            if len(title) > 90:
                title = "%s: %s" % (label, f1)
            alt = "%s %s release banner" % (name, version)
        ctx = new_ctx()
        ctx.update(v=version)
        for _ in range(60):
            fixes = rng.sample(RELEASE_FIXES, rng.randint(5, 6))
            k = NUMBER_WORDS[len(fixes)]
            if product == "Cloud":
                intro = [
                    "Here is a roundup of what shipped in Meshway Cloud during %s." % MONTHS[day.month - 1],
                    rng.choice(spec["tagline"]),
                    "The headline changes are %s and %s, along with %s smaller improvements." % (f1, f2, k),
                ]
            else:
                intro = [
                    "%s %s is available today." % (name, version),
                    rng.choice(spec["tagline"]),
                    "The headline changes are %s and %s, along with %s smaller fixes and improvements." % (f1, f2, k),
                ]
            intro.insert(2, rng.choice(RELEASE_THEMES))
            if rng.random() < 0.5:
                intro.append(rng.choice(RELEASE_THANKS))
            followups = rng.sample(RELEASE_FOLLOWUPS, 2)
            details = rng.sample(FEATURE_DETAILS, 2)
            blocks = [" ".join(intro), "## Highlights",
                      "### " + f1, " ".join([d1, followups[0], fill(details[0], dict(feature=f1))]),
                      "### " + f2, " ".join([d2, followups[1], fill(details[1], dict(feature=f2))]),
                      "## Other Improvements",
                      "\n".join("- " + f for f in fixes)]
            if product == "Cloud":
                blocks += ["## Getting Started",
                           "Everything above is available to all organizations today. "
                           "If you manage Cloud resources as code, update the Terraform provider to pick up the new resources:",
                           fence("hcl", spec["upgrade"])]
            else:
                blocks += ["## Upgrading",
                           " ".join(rng.sample(RELEASE_UPGRADE_NOTES, 2)),
                           fence("bash", spec["upgrade"])]
            if product == "Cloud":
                blocks += ["## Coming Up", " ".join(pick_ordered(CLOUD_NEXT, rng.randint(2, 3)))]
            elif rng.random() < 0.4:
                blocks += ["## Deprecations", rng.choice(RELEASE_DEPRECATIONS)]
            blocks.append(rng.choice(NEWS_CLOSINGS))
            body = fill("\n\n".join(blocks), ctx)
            if 250 <= word_count(body) <= 880:
                break
        else:
            fail("could not build a release body for " + title)
        if product == "Cloud":
            excerpt = ("%s brought %s and %s to Meshway Cloud, along with %s smaller improvements "
                       "across the console, the API and the Terraform provider." % (MONTHS[day.month - 1], f1, f2, k))
        else:
            excerpt = ("%s %s brings %s and %s, along with %s smaller fixes and improvements. "
                       "Here is what changed and how to upgrade." % (name, version, f1, f2, k))
        check(title not in used_titles, "duplicate release title " + title)
        used_titles.add(title)
        posts.append(dict(
            title=title, category=RELEASES,
            tags=pick_tags(spec["tags"], title, None),
            author=authors.pick(RELEASE_AUTHORS),
            excerpt=excerpt, body=body, imageAlt=alt,
            publishedAt=clock.on(day),
        ))
    return posts


def news_posts(days, authors, clock, used_titles):
    items = rng.sample(NEWS_ITEMS, len(days))
    posts = []
    for day, item in zip(days, items):
        kind = NEWS_KINDS[item["kind"]]
        ctx = new_ctx()
        ctx.update(Year=str(day.year), region=item.get("region", ""))
        title = fill(item["title"], ctx)
        if "region" in item:
            snippet = REGION_CODE
        else:
            snippet = item.get("code", kind["code"])
        for _ in range(60):
            sections = [(h, pick_ordered(pool, rng.randint(3, len(pool))))
                        for h, pool in item.get("sections", kind["sections"])]
            sections[-1][1].append(rng.choice(NEWS_CLOSINGS))
            intro = " ".join(item["lead"]) + "\n\n" + rng.choice(NEWS_QUOTES[item["kind"]])
            ctx["speaker"] = rng.choice(NEWS_SPEAKERS)
            closing = ("About Meshway", rng.choice(NEWS_ABOUT))
            body = body_with_sections(intro, sections, ("bash", snippet), closing, None,
                                      None, NEWS_CODE_LEADINS)
            body = fill(body, ctx)
            if 250 <= word_count(body) <= 880:
                break
        else:
            fail("could not build a news body for " + title)
        excerpt = fill(" ".join(item["lead"]), ctx)
        if len(excerpt) < 140:
            excerpt += " Here is what it means for you and how to get started."
        check(title not in used_titles, "duplicate news title " + title)
        used_titles.add(title)
        posts.append(dict(
            title=title, category=NEWS, tags=list(item["tags"])[:4],
            author=authors.pick(NEWS_AUTHORS), excerpt=excerpt, body=body,
            imageAlt=item.get("alt") or rng.choice(kind["alts"]), publishedAt=clock.on(day),
        ))
    return posts


def culture_posts(days, authors, clock, used_titles):
    items = rng.sample(CULTURE_ITEMS, len(days))
    posts = []
    for day, (key, title) in zip(days, items):
        t = CULTURE_TOPICS[key]
        ctx = new_ctx()
        for _ in range(60):
            intro = " ".join(pick_ordered(t["intro"], 3))
            chosen = pick_ordered(t["sections"], rng.choice([2, 3, 3]))
            sections = [(h, pick_ordered(pool, rng.randint(3, len(pool)))) for h, pool in chosen]
            headings, pool = CULTURE_CLOSINGS
            closing = (rng.choice(headings), " ".join(pick_ordered(pool, rng.randint(2, 3))))
            bullets = None
            if rng.random() < 0.5:
                bullets = (rng.choice(BULLET_LEADINS), pick_ordered(t["bullets"], rng.randint(3, 5)))
            body = fill(body_with_sections(intro, sections, t["code"], closing, bullets, None,
                                           ["For the curious, here is what it looks like:",
                                            "This is the actual file we use:",
                                            "Here is the template, lightly trimmed:"]), ctx)
            if 250 <= word_count(body) <= 880:
                break
        else:
            fail("could not build a culture body for " + title)
        check(title not in used_titles, "duplicate culture title " + title)
        used_titles.add(title)
        posts.append(dict(
            title=title, category=CULTURE, tags=pick_tags(t["tags"], title, None),
            author=authors.pick(AUTHORS),
            excerpt=excerpt_from(t["hooks"], CULTURE_PROMISES, ctx),
            body=body, imageAlt=rng.choice(t["alts"]), publishedAt=clock.on(day),
        ))
    return posts


# ---------------------------------------------------------------------------
# Reference posts
# ---------------------------------------------------------------------------

REFERENCE_TAGS = {
    "service-design-guidelines-api-versioning": ["API Design", "API Management", "API Gateway"],
    "moving-app-vm-kubernetes": ["Automation", "API Development"],
    "kong-gateway-rate-limiting": ["API Gateway", "API Security"],
    "kong-and-okta-client-credentials": ["API Security", "API Gateway"],
    "kong-configurations-terraform-gitops": ["Automation", "API Management"],
    "kong-gateway-spinnaker": ["Automation", "API Gateway"],
    "kong-konnect-fastly": ["API Security", "API Gateway", "API Management"],
    "kong-gateway-go-plugin": ["API Gateway", "API Development"],
    "service-mesh-observability": ["Service Mesh", "Automation"],
    "kong-service-mesh-and-opa-policy": ["Service Mesh", "API Security"],
    "kong-gateway-tutorial": ["API Gateway", "API Management"],
    "custom-lua-plugin-kong-gateway": ["API Gateway", "API Development"],
    "authorize-api-opa-kuma": ["API Security", "Service Mesh"],
    "kong-gateway-oauth2": ["API Security", "API Gateway"],
    "getting-started-kuma-service-mesh": ["Service Mesh", "API Development"],
}


def load_reference():
    if not os.path.isfile(REFERENCE_PATH):
        fail("reference file not found: %s\n(expected shared/reference/engineering-page-17.json "
             "next to the repository, i.e. <repo>/../shared/reference/)" % REFERENCE_PATH)
    with open(REFERENCE_PATH, encoding="utf-8") as fh:
        ref = json.load(fh)
    posts = ref.get("posts", [])
    check(len(posts) == 15, "reference must hold 15 posts")
    check([p["position"] for p in posts] == list(range(241, 256)), "reference positions must be 241..255")
    check(len(ref.get("tags", [])) == 12, "reference must hold 12 tags")
    return ref


def reference_post(p):
    moment = dt.datetime.fromisoformat(p["publishedOn"] + "T16:00:00").replace(tzinfo=UTC)
    return dict(
        title=p["title"], slug=p["slug"], category=ENGINEERING,
        tags=list(REFERENCE_TAGS[p["slug"]]), author=p["author"], publishedAt=moment,
        excerpt=p["excerpt"], body=None, imageUrl=None, imageAlt=p["imageAlt"],
        sourceUrl="https://konghq.com/blog/engineering/" + p["slug"], status="published",
    )


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

KEY_ORDER = ["title", "slug", "category", "tags", "author", "publishedAt", "excerpt", "body",
             "imageUrl", "imageAlt", "sourceUrl", "status"]


def main():
    ref = load_reference()
    featured = list(ref["tags"])
    ALL_TAGS[:] = featured + EXTRA_TAGS
    lowered = [t.lower() for t in ALL_TAGS]
    check(len(set(lowered)) == len(lowered), "tag names must be unique case-insensitively")
    ref_authors = {p["author"] for p in ref["posts"]}
    check(not ref_authors & set(AUTHORS), "generated authors must not reuse reference authors")
    check(len(set(AUTHORS)) == len(AUTHORS), "author names must be unique")
    for key, t in ENG_TOPICS.items():
        for tag in t["tags"]:
            check(tag in ALL_TAGS, "unknown tag %r in topic %s" % (tag, key))

    clock = Clock()
    authors = Authors()
    used_titles = set()

    references = [reference_post(p) for p in ref["posts"]]
    for r in references:
        clock.reserve(r["publishedAt"])
        used_titles.add(r["title"])
    draft_at = dt.datetime(2024, 2, 2, 12, 0, tzinfo=UTC)
    future_at = dt.datetime(2099, 1, 5, 12, 0, tzinfo=UTC)
    clock.reserve(draft_at)
    clock.reserve(future_at)

    # Each author writes about three engineering topics; each topic has five slots.
    topic_keys = list(ENG_TOPICS)
    slots = topic_keys * 5
    rng.shuffle(slots)
    affinity = {a: [] for a in AUTHORS}
    for i, slot in enumerate(slots):
        affinity[AUTHORS[i % len(AUTHORS)]].append(slot)

    # --- Engineering: ranks 1-240 (newer than the reference page), 256-300 (older).
    newest_ref = references[0]["publishedAt"]
    oldest_ref = references[-1]["publishedAt"]
    new_days = spread_days(newest_ref.date() + dt.timedelta(days=1), dt.date(2026, 11, 19), 240)
    old_days = spread_days(dt.date(2020, 1, 13), oldest_ref.date() - dt.timedelta(days=1), 45)
    new_moments = sorted((clock.on(d) for d in new_days), reverse=True)
    old_moments = sorted((clock.on(d) for d in old_days), reverse=True)

    picker = TitlePicker(used_titles)
    pending = []

    def next_topic(day):
        while True:
            for i, key in enumerate(pending):
                if day >= TOPIC_SINCE.get(key, dt.date.min):
                    return pending.pop(i)
            round_keys = list(topic_keys)
            rng.shuffle(round_keys)
            pending.extend(round_keys)

    generated = []
    for moment in new_moments + old_moments:
        day = moment.date()
        post = engineering_post(next_topic(day), day, picker, authors, affinity)
        post.update(publishedAt=moment, status="published")
        generated.append(post)
    for moment, status in ((draft_at, "draft"), (future_at, "published")):
        post = engineering_post(next_topic(moment.date()), moment.date(), picker, authors, affinity)
        post.update(publishedAt=moment, status=status)
        generated.append(post)

    # --- Other categories.
    first, last = dt.date(2020, 1, 6), dt.date(2026, 11, 19)
    releases = release_posts(spread_days(first, last, CATEGORY_COUNTS[RELEASES]), authors, clock, used_titles)
    learning_left = rng.sample(LEARNING_ITEMS, CATEGORY_COUNTS[LEARNING])
    learning = []
    for day in spread_days(first, last, CATEGORY_COUNTS[LEARNING]):
        fits = [it for it in learning_left if available(it[0] + " " + it[2], day)]
        check(fits, "no learning item fits %s" % day)
        item = rng.choice(fits)
        learning_left.remove(item)
        check(item[0] not in used_titles, "duplicate learning title " + item[0])
        post = learning_post(item, day, authors, used_titles)
        post["publishedAt"] = clock.on(day)
        learning.append(post)
    news = news_posts(spread_days(first, last, CATEGORY_COUNTS[NEWS]), authors, clock, used_titles)
    culture = culture_posts(spread_days(first, last, CATEGORY_COUNTS[CULTURE]), authors, clock, used_titles)
    generated += releases + learning + news + culture

    # --- Slugs, excerpts (every 10th generated post has none), source URLs.
    used_slugs = set(r["slug"] for r in references)
    external = 0
    for n, post in enumerate(generated, start=1):
        base = slugify(post["title"])
        slug, k = base, 2
        while slug in used_slugs or slug in RESERVED_SLUGS:
            suffix = "-%d" % k
            slug = base[:80 - len(suffix)].rstrip("-") + suffix
            k += 1
        used_slugs.add(slug)
        post["slug"] = slug
        if n % 10 == 0:
            post["excerpt"] = None
        post["imageUrl"] = None
        post["sourceUrl"] = None
        post.setdefault("status", "published")
        if post["category"] in (ENGINEERING, LEARNING, CULTURE):
            external += 1
            if external % 15 == 7:
                post["sourceUrl"] = EXTERNAL_SOURCES[(external // 15) % len(EXTERNAL_SOURCES)] + slug

    posts = references + generated
    records = []
    for post in posts:
        record = {key: post[key] for key in KEY_ORDER}
        record["publishedAt"] = iso(post["publishedAt"])
        records.append(record)

    validate(records, ref, featured)

    taxonomy = {
        "categories": [dict(name=ref["category"]["name"], slug=ref["category"]["slug"],
                            description=ref["category"]["description"])] + OTHER_CATEGORIES,
        "featuredTags": featured,
    }
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    rng.shuffle(lines)
    with open(POSTS_PATH, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    with open(TAXONOMY_PATH, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(taxonomy, ensure_ascii=False, indent=2) + "\n")

    # Re-read what was written: every line must parse back to the same records.
    with open(POSTS_PATH, encoding="utf-8") as fh:
        reread = [json.loads(line) for line in fh.read().splitlines()]
    check(sorted(reread, key=lambda r: r["slug"]) == sorted(records, key=lambda r: r["slug"]),
          "posts.ndjson does not read back identically")
    with open(TAXONOMY_PATH, encoding="utf-8") as fh:
        check(json.load(fh) == taxonomy, "taxonomy.json does not read back identically")
    size = os.path.getsize(POSTS_PATH)
    check(size < 2_500_000, "posts.ndjson is larger than 2.5 MB (%d bytes)" % size)
    summary(records, size)


# ---------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------

def markdown_shape(body):
    """(number of '## ' headings outside code, number of fenced blocks)."""
    headings, fences, inside = 0, 0, False
    for line in body.split("\n"):
        if line.startswith("```"):
            if not inside:
                fences += 1
            inside = not inside
        elif not inside and line.startswith("## "):
            headings += 1
    check(not inside, "unclosed code fence")
    return headings, fences


def validate(records, ref, featured):
    cats = [c["name"] for c in [ref["category"]] + OTHER_CATEGORIES]
    limit = "2026-11-28T00:00:00Z"
    ref_slugs = [p["slug"] for p in ref["posts"]]
    ref_by_slug = {p["slug"]: p for p in ref["posts"]}

    # Engineering ranks.
    visible = [r for r in records if r["category"] == ENGINEERING and r["status"] == "published"
               and r["publishedAt"] < limit]
    check(len(visible) == 300, "expected 300 visible Engineering posts, got %d" % len(visible))
    visible.sort(key=lambda r: r["publishedAt"], reverse=True)
    check([r["slug"] for r in visible[240:255]] == ref_slugs,
          "ranks 241-255 are not the reference posts in reference order")
    for a, b in zip(visible, visible[1:]):
        check(a["publishedAt"] > b["publishedAt"], "Engineering publishedAt not strictly decreasing")
    check(visible[239]["publishedAt"] > "2021-05-24T16:00:00Z", "rank 240 must be newer than rank 241")
    check(visible[0]["publishedAt"] < "2026-11-20T00:00:00Z", "rank 1 must be older than 2026-11-20")
    check(visible[255]["publishedAt"] < "2021-03-03T16:00:00Z", "rank 256 must be older than rank 255")
    check(visible[-1]["publishedAt"] >= "2020-01-01T00:00:00Z", "rank 300 should be in 2020")
    for r in visible[240:255]:
        p = ref_by_slug[r["slug"]]
        check(r["title"] == p["title"] and r["author"] == p["author"] and r["imageAlt"] == p["imageAlt"]
              and r["excerpt"] == p["excerpt"] and r["publishedAt"] == p["publishedOn"] + "T16:00:00Z"
              and r["body"] is None
              and r["sourceUrl"] == "https://konghq.com/blog/engineering/" + p["slug"]
              and 2 <= len(r["tags"]) <= 3 and all(t in featured for t in r["tags"]),
              "reference post not copied exactly: " + r["slug"])
    hidden = [r for r in records if r["category"] == ENGINEERING and r not in visible]
    check(sorted((r["status"], r["publishedAt"]) for r in hidden)
          == [("draft", "2024-02-02T12:00:00Z"), ("published", "2099-01-05T12:00:00Z")],
          "expected exactly one draft and one scheduled Engineering post")

    # Counts.
    counts = {c: sum(1 for r in records if r["category"] == c) for c in cats}
    expected = {ENGINEERING: 302, **CATEGORY_COUNTS}
    check(counts == expected, "category counts %r != %r" % (counts, expected))

    # Uniqueness and formats.
    for field in ("slug", "title", "publishedAt"):
        values = [r[field] for r in records]
        check(len(set(values)) == len(values), "%s values are not unique" % field)
    tag_names = {t.lower(): t for t in ALL_TAGS}
    generated_authors = set()
    for r in records:
        check(list(r) == KEY_ORDER, "key order wrong for " + r["slug"])
        s = r["slug"]
        check(SLUG_RE.match(s) and len(s) <= 80 and s not in RESERVED_SLUGS, "invalid slug " + s)
        check(INSTANT_RE.match(r["publishedAt"]), "bad publishedAt " + r["publishedAt"])
        check(r["category"] in cats, "unknown category " + r["category"])
        check(r["status"] in ("published", "draft"), "bad status")
        check(r["imageUrl"] is None, "imageUrl must be null")
        check(isinstance(r["imageAlt"], str) and 0 < len(r["imageAlt"]) <= 120, "bad imageAlt")
        check(r["sourceUrl"] is None or r["sourceUrl"].startswith("https://"), "bad sourceUrl")
        check(r["excerpt"] is None or len(r["excerpt"]) <= 300, "excerpt over 300 chars: " + s)
        check(2 <= len(r["tags"]) <= 4 and len(set(r["tags"])) == len(r["tags"]), "bad tag count: " + s)
        check(all(t in tag_names.values() for t in r["tags"]), "unknown tag in " + s)
        for field in ("title", "excerpt", "body", "imageAlt", "author"):
            value = r[field]
            check(value is None or not PLACEHOLDER.search(value), "unfilled placeholder in %s of %s" % (field, s))
        if s in ref_by_slug:
            continue
        # Generated posts.
        generated_authors.add(r["author"])
        check(30 <= len(r["title"]) <= 90, "title length out of range: " + r["title"])
        check(r["excerpt"] is None or 140 <= len(r["excerpt"]), "excerpt too short: " + s)
        check(isinstance(r["body"], str), "generated post without body: " + s)
        words = word_count(r["body"])
        check(250 <= words <= 900, "body of %s has %d words" % (s, words))
        headings, fences = markdown_shape(r["body"])
        check(2 <= headings <= 4, "body of %s has %d sections" % (s, headings))
        check(fences >= 1, "body of %s has no code block" % s)
        if r["status"] == "published" and r["publishedAt"] < limit:
            hour = int(r["publishedAt"][11:13])
            check(9 <= hour < 20, "publishedAt outside 09:00-20:00 UTC: " + s)
            check("2020-01-01" <= r["publishedAt"][:10] <= "2026-11-19", "date out of range: " + s)
        if r["sourceUrl"]:
            check(".example/" in r["sourceUrl"], "external source must be on an .example domain")
    check(not generated_authors & {p["author"] for p in ref["posts"]}, "reference author reused")
    nulls = sum(1 for r in records if r["excerpt"] is None)
    check(nulls >= 30, "expected excerpt=null on every 10th generated post")


def summary(records, size):
    cats = {}
    for r in records:
        cats.setdefault(r["category"], []).append(r)
    print("Wrote %s (%d lines, %d bytes)" % (os.path.relpath(POSTS_PATH, REPO_ROOT), len(records), size))
    print("Wrote %s (%d bytes)" % (os.path.relpath(TAXONOMY_PATH, REPO_ROOT), os.path.getsize(TAXONOMY_PATH)))
    print("Posts per category:")
    for name, rs in cats.items():
        statuses = {}
        for r in rs:
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
        print("  %-17s %3d  %s" % (name, len(rs), ", ".join("%s %d" % kv for kv in sorted(statuses.items()))))
    print("Engineering: 300 visible; ranks 241-255 = reference page 17 (checked)")
    bodies = [word_count(r["body"]) for r in records if r["body"]]
    print("Bodies: %d, words min/avg/max %d/%d/%d" % (len(bodies), min(bodies), sum(bodies) // len(bodies), max(bodies)))
    print("Excerpts: %d null (derived by the app)" % sum(1 for r in records if r["excerpt"] is None))
    print("sourceUrl: %d set (%d on .example blogs)" % (
        sum(1 for r in records if r["sourceUrl"]),
        sum(1 for r in records if r["sourceUrl"] and ".example/" in r["sourceUrl"])))
    used_authors = {}
    for r in records:
        used_authors[r["author"]] = used_authors.get(r["author"], 0) + 1
    gen = {a: used_authors.get(a, 0) for a in AUTHORS}
    print("Authors: %d in total, %d invented (posts each: min %d, max %d)" % (
        len(used_authors), len(gen), min(gen.values()), max(gen.values())))
    tag_use = {}
    for r in records:
        for t in r["tags"]:
            tag_use[t] = tag_use.get(t, 0) + 1
    print("Tags: %d in use of %d defined; least used: %s" % (
        len(tag_use), len(ALL_TAGS),
        ", ".join("%s %d" % (t, n) for t, n in sorted(tag_use.items(), key=lambda kv: kv[1])[:5])))
    print("All self-checks passed.")


if __name__ == "__main__":
    main()
