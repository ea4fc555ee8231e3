#!/usr/bin/env python3
"""Builds src/ModelAnalyzers/Catalog/models.json from the researched reference table.

Usage: python3 tools/generate_catalog.py [path/to/openai-models.csv] [--deprecations data.json] [--prices prices.json]
(default: ../shared/reference/openai-models.csv next to the repository)

--deprecations (deprecations.info's data.json) and --prices (LiteLLM's model_prices_and_context_window.json) are
the feeds `model-audit catalog update` reads; here they only fill in what the researched table does not know (a '?'
date, price, limit or flag), with the feed named in the row's source. The table's values always win.

The CSV is the project's sourced fact table; this script only reshapes it:
  * 'y'/'n' flags become true/false, '?' and 'n/a' become null (unknown / not applicable);
  * a replacement written as prose ("gpt-5 or gpt-4.1", "gpt-5.6-sol (reasoning.mode: pro)")
    becomes the first id it names, and the prose is kept in replacementNote;
  * ids that OpenAI names as replacements but that the table has no row for get a minimal row
    (kind only, no prices) so that every replacement resolves inside the catalog;
  * a dated snapshot ("gpt-4o-2024-08-06", "gpt-4-0613") records the alias it belongs to;
  * each general-purpose model gets a capability tier (entry, mid, flagship, top) from OpenAI's naming, its
    release date (from its dated snapshots, or from the reference's notes) and, for audio, its task;
  * the findings of the reference's sections 7 and 8 (after the table) are folded in, each marked with its source and
    certainty, and so are the Azure retirement schedule's rows per model version (../shared/feeds copy);
  * each reasoning model gets the reasoning efforts it accepts and rejects (section 4 and section 8).
"""
import argparse, csv, json, os, re, sys

AS_OF = "2026-12-07"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
ARGS = argparse.ArgumentParser(description="Builds the embedded model catalog from the researched reference table.")
ARGS.add_argument("csv", nargs="?", default=os.path.join(REPO, "..", "shared", "reference", "openai-models.csv"))
ARGS.add_argument("--deprecations", help="deprecations.info data.json: fills unknown notice and shutdown dates")
ARGS.add_argument("--prices", help="LiteLLM model_prices_and_context_window.json: fills unknown prices, limits and flags")
OPTIONS = ARGS.parse_args()
SRC = OPTIONS.csv
OUT = os.path.join(REPO, "src", "ModelAnalyzers", "Catalog", "models.json")
DEPRECATIONS = "developers.openai.com/api/docs/deprecations.md (stored GitHub copy incl. 2026-09-11 entry)"

# Named as replacements on OpenAI's deprecations page, absent from the price sources.
MISSING_TARGETS = {
    "gpt-5-codex-mini": "reasoning",
    "gpt-image-2.5-sunburst": "image",
    "gpt-image-2.5-flare": "image",
}

def number(v):
    if v in ("", "?", "n/a"):
        return None
    f = float(v)
    return int(f) if f.is_integer() else f

def flag(v):
    return {"y": True, "n": False}.get(v)

def date(v):
    return v if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v or "") else None

rows = list(csv.DictReader(open(SRC, encoding="utf-8")))
ids = {r["id"] for r in rows} | set(MISSING_TARGETS)

def replacement(text):
    for token in re.findall(r"[a-z0-9][a-z0-9.\-:]*", text or ""):
        if token in ids:
            return token
    return None

# Request parameters reasoning models reject (shared/reference/openai-models.md section 4, with its sources).
PARAMETERS_SOURCE = ("shared/reference/openai-models.md section 4: github.com/OpenHands/OpenHands/issues/4131, "
                     "github.com/QwenLM/qwen-code/issues/921, github.com/griptape-ai/ComfyUI-Griptape/issues/312, "
                     "github.com/nextai-translator/nextai-translator/issues/1781, github.com/vercel/ai/issues/10932, "
                     "github.com/BerriAI/litellm/pull/17011, community.openai.com/t/gpt-5-update-documentation-errors/1341049")
SAMPLING = ["temperature", "top_p", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs"]

def rejected_parameters(r):
    """While reasoning is on: o-series, deep research, codex-mini and GPT-5/5.x/6 reasoning models (not gpt-5-chat*)."""
    model_id = r["id"]
    if not re.match(r"(o1|o3|o4|codex-mini|gpt-5|gpt-6)", model_id) or r["kind"] != "reasoning" and r["reasoning"] != "y":
        return []
    rejected = ["max_tokens"] + SAMPLING
    if model_id.startswith(("gpt-5", "gpt-6")):
        rejected.append("logit_bias")  # GPT-5.x: rejected whatever the effort; o-series unknown, so not listed
    if re.match(r"gpt-(5\.\d|6)", model_id):
        rejected.append("stop")  # GPT-5.x
    return rejected

def accepts_no_reasoning(model_id):
    """GPT-5.1 and later take reasoning_effort 'none' (sampling allowed again), except codex, pro and 5.2/5.3 chat-latest."""
    return bool(re.match(r"gpt-(5\.\d+|6(\.\d+)?)(-|$)", model_id)) and not re.search(
        r"codex|-pro|gpt-5\.[23]-chat-latest", model_id)

def snapshot_of(model_id):
    m = re.fullmatch(r"(.+?)-(\d{4}-\d{2}-\d{2}|\d{4})", model_id)
    return m.group(1) if m and m.group(1) in ids else None

# --- Section 7 of shared/reference/openai-models.md (found after the table, 2026-12-04): second-hand, marked so. ---
SECTION7 = "shared/reference/openai-models.md section 7 (second-hand, 2026-12-04 check): "
NEW_ROWS = [
    {"id": "gpt-6.2-astra", "kind": "reasoning", "input_per_1m": "8", "cached_input_per_1m": "0.4", "output_per_1m": "40",
     "context_window": "1050000", "max_output": "128000", "reasoning": "y", "vision": "?", "tools": "?", "structured_outputs": "?",
     "status": "active", "deprecated_on": "", "shutdown_on": "", "replacement": "",
     "source": SECTION7 + "docs.laozhang.ai/en/announcements/gpt-6-2-2026-11 (2026-11-18); BerriAI/litellm discussion 52347; akiiwa-games/AgentCompass-Router v0.6.8 (2026-11-18)"},
    {"id": "gpt-6.2-sol", "kind": "reasoning", "input_per_1m": "2", "cached_input_per_1m": "0.1", "output_per_1m": "10",
     "context_window": "1050000", "max_output": "128000", "reasoning": "y", "vision": "?", "tools": "?", "structured_outputs": "?",
     "status": "active", "deprecated_on": "", "shutdown_on": "", "replacement": "",
     "source": SECTION7 + "docs.laozhang.ai/en/announcements/gpt-6-2-2026-11 (2026-11-18); BerriAI/litellm discussion 52347; akiiwa-games/AgentCompass-Router v0.6.8 (2026-11-18)"},
    {"id": "gpt-5.5-cyber-preview", "kind": "reasoning", "input_per_1m": "?", "cached_input_per_1m": "?", "output_per_1m": "?",
     "context_window": "?", "max_output": "?", "reasoning": "y", "vision": "?", "tools": "?", "structured_outputs": "?",
     "status": "deprecated", "deprecated_on": "2026-11-05", "shutdown_on": "2027-02-01", "replacement": "",
     "source": SECTION7 + "w3cschool.cn/openai_api/openai_api-docs-deprecations.html (Chinese copy of OpenAI's deprecations page)"},
]
# Newer replacement ids for the image models (2.5 ids are still served; 2.6 is priced like 2.5).
IMAGE_REPLACEMENT = "gpt-image-2.6-sunburst or gpt-image-2.6-flare"
IMAGE_REPLACEMENT_SOURCE = SECTION7 + "docs.laozhang.ai/en/models/retired (checked 2026-11-24); zh-Hans fallback of OpenAI's deprecations page; dreamforSh/linksyncx custom-v0.2.11.16 (2026-11-05)"
for r in rows:
    if "gpt-image-2.5-sunburst" in r["replacement"]:
        r["replacement"] = IMAGE_REPLACEMENT
        r["source"] += " ; replacement: " + IMAGE_REPLACEMENT_SOURCE
rows.extend(NEW_ROWS)
MISSING_TARGETS.update({"gpt-image-2.6-sunburst": "image", "gpt-image-2.6-flare": "image"})
ids = {r["id"] for r in rows} | set(MISSING_TARGETS)

# --- Feeds (optional): fill in what the table does not know, never override it. ---
UNKNOWN = ("", "?")

def fill(row, column, value, source):
    if row.get(column, "") in UNKNOWN and value is not None:
        row[column] = value
        if source not in row["source"]:
            row["source"] += " ; " + source

if OPTIONS.deprecations:
    feed = [r for r in json.load(open(OPTIONS.deprecations, encoding="utf-8")) if str(r.get("provider", "")).lower() == "openai"]
    observed = max((r.get("last_observed") or "" for r in feed), default="")
    source = f"deprecations.info data.json ({observed})"
    by_id = {r["model_id"]: r for r in feed}
    for r in rows:
        if r["id"] in by_id:
            fill(r, "deprecated_on", by_id[r["id"]].get("deprecation_date"), source)
            fill(r, "shutdown_on", by_id[r["id"]].get("shutdown_date"), source)

if OPTIONS.prices:
    feed = json.load(open(OPTIONS.prices, encoding="utf-8"))
    source = f"LiteLLM model_prices_and_context_window.json ({str(feed.get('last_updated', ''))[:10]})"
    def per_million(v):
        return None if v is None else f"{round(v * 1_000_000, 6):g}"
    def positive(v):
        return None if not v else str(int(v))
    def yn(v):
        return None if v is None else ("y" if v else "n")
    for r in rows:
        entry = feed.get(r["id"])
        if not isinstance(entry, dict) or entry.get("litellm_provider") not in ("openai", "text-completion-openai"):
            continue
        fill(r, "input_per_1m", per_million(entry.get("input_cost_per_token")), source)
        fill(r, "cached_input_per_1m", per_million(entry.get("cache_read_input_token_cost")), source)
        if r["kind"] != "embedding":
            fill(r, "output_per_1m", per_million(entry.get("output_cost_per_token")), source)
        fill(r, "context_window", positive(entry.get("max_input_tokens")), source)
        fill(r, "max_output", positive(entry.get("max_output_tokens")), source)
        fill(r, "vision", yn(entry.get("supports_vision")), source)
        fill(r, "tools", yn(entry.get("supports_function_calling")), source)
        fill(r, "structured_outputs", yn(entry.get("supports_response_schema")), source)

# --- Section 8 of shared/reference/openai-models.md (found after the table, 2026-12-07): each with its certainty. ---
SECTION8 = "shared/reference/openai-models.md section 8 (2026-12-07 check, {certainty}): "
def section8(certainty, sources):
    return SECTION8.format(certainty=certainty) + sources

BATCH_1211 = section8("first-hand + second-hand (2)", "developers.openai.com/api/docs/deprecations?translationFallback=zh-Hans; samarthputhraya/Modelpin v0.5.4 (2026-11-22)")
REPLACEMENTS_1211 = {
    "gpt-5": "gpt-6.1-sol", "o3": "gpt-6.1-sol",
    "gpt-5-pro": 'gpt-6.1-sol (reasoning.mode: "pro", Responses API only)', "o3-pro": 'gpt-6.1-sol (reasoning.mode: "pro", Responses API only)',
    "gpt-5-mini": "gpt-6.1-terra", "gpt-5-nano": "gpt-6-luna",
}
GPT62 = section8("first-hand", "developers.openai.com/api/docs/models/gpt-6.2-sol")
IMAGE_PRICES = section8("first-hand (2.5), second-hand (3) (2.6)", "developers.openai.com/api/docs/changelog; vercel.com/ai-gateway/models/gpt-image-2.6-sunburst")
IMAGE2_DEPRECATION = section8("second-hand (2)", "samarthputhraya/Modelpin v0.5.4 (2026-11-22); indranilbanerjee/contentforge v4.7.1 (2026-11-30)")
CYBER = section8("first-hand", "developers.openai.com/api/docs/guides/daybreak")
FEED_IDS = section8("feed", "../feeds/deprecations-info.data.json (deprecations.info, last observed 2026-07-23)")
by_row = {r["id"]: r for r in rows}

def amend(model_id, source, **values):
    r = by_row[model_id]
    r.update(values)
    r["source"] += " ; " + source

for r in rows:
    base = snapshot_of(r["id"]) or (r["id"] if r["id"] in REPLACEMENTS_1211 else None)
    if base in REPLACEMENTS_1211:
        amend(r["id"], "replacement: " + BATCH_1211, replacement=REPLACEMENTS_1211[base])
for model_id in ("gpt-6.2-sol", "gpt-6.2-astra"):
    amend(model_id, "flags: " + GPT62, vision="y", tools="y", structured_outputs="y")
amend("gpt-6.2-sol", "cached input: " + GPT62, cached_input_per_1m="0.1")
for model_id in ("gpt-image-2", "gpt-image-2-2026-04-21"):
    amend(model_id, "deprecation: " + IMAGE2_DEPRECATION, status="deprecated", deprecated_on="2026-11-10", shutdown_on="2027-02-10",
          replacement="gpt-image-2.6-sunburst")
amend("gpt-5.5-cyber-preview", "replacement: " + CYBER, replacement="gpt-5.6-cyber (or gpt-6-cyber for approved organizations; both access-gated)")
IMAGE_26 = {"input_per_1m": "5", "cached_input_per_1m": "1.25", "output_per_1m": "30"}  # gpt-image-2's token rates
for model_id in ("gpt-image-2.5-sunburst", "gpt-image-2.5-flare", "gpt-image-2.6-sunburst", "gpt-image-2.6-flare"):
    del MISSING_TARGETS[model_id]
    rows.append({"id": model_id, "kind": "image", **IMAGE_26, "context_window": "n/a", "max_output": "n/a", "reasoning": "n",
                 "vision": "n/a", "tools": "n/a", "structured_outputs": "n/a", "status": "active", "deprecated_on": "",
                 "shutdown_on": "", "replacement": "", "source": DEPRECATIONS + " (named as a replacement) ; prices: " + IMAGE_PRICES})
for model_id in ("gpt-5.6-cyber", "gpt-6-cyber"):
    rows.append({"id": model_id, "kind": "reasoning", "input_per_1m": "?", "cached_input_per_1m": "?", "output_per_1m": "?",
                 "context_window": "?", "max_output": "?", "reasoning": "y", "vision": "?", "tools": "?", "structured_outputs": "?",
                 "status": "active", "deprecated_on": "", "shutdown_on": "", "replacement": "",
                 "source": CYBER + " (access-gated, no public price)"})
FEED_ROWS = {
    "gpt-3.5-turbo-completions": ("completion-legacy", "2026-04-22", "2026-10-23"),
    "gpt-4-completions": ("completion-legacy", "2026-04-22", "2026-10-23"),
    "gpt-4-0613-completions": ("completion-legacy", "2026-04-22", "2026-10-23"),
    "gpt-4-turbo-completions": ("completion-legacy", "2026-04-22", "2026-10-23"),
    "gpt-4-turbo-preview-completions": ("completion-legacy", "2025-09-26", "2026-03-26"),
    "computer-use-preview-2025-03-11": ("reasoning", "2026-04-22", "2026-07-23"),
    "sora-2-2025-10-06": ("video", "2026-03-24", "2026-09-24"),
    "sora-2-2025-12-08": ("video", "2026-03-24", "2026-09-24"),
    "sora-2-pro-2025-10-06": ("video", "2026-03-24", "2026-09-24"),
}
FEED_FILE = os.path.join(os.path.dirname(SRC), "..", "feeds", "deprecations-info.data.json")
feed_replacements = {}
if os.path.exists(FEED_FILE):
    for record in json.load(open(FEED_FILE, encoding="utf-8")):
        if str(record.get("provider", "")).lower() == "openai" and record.get("replacement_models"):
            feed_replacements.setdefault(record["model_id"], record["replacement_models"][0])
for model_id, (kind, notice, shutdown) in FEED_ROWS.items():
    rows.append({"id": model_id, "kind": kind, "input_per_1m": "?", "cached_input_per_1m": "?", "output_per_1m": "?",
                 "context_window": "?", "max_output": "?", "reasoning": "y" if kind == "reasoning" else "n", "vision": "?",
                 "tools": "?", "structured_outputs": "?", "status": "shutdown", "deprecated_on": notice, "shutdown_on": shutdown,
                 "replacement": feed_replacements.get(model_id, ""), "source": FEED_IDS})
ids = {r["id"] for r in rows} | set(MISSING_TARGETS)

# Reasoning efforts (section 4: the original GPT-5 generation takes minimal..high and no none, gpt-5-pro only high,
# GPT-5.1 and later none..high; section 8: gpt-6.2-sol (first-hand), gpt-6.2-astra, gpt-6.1-sol, gpt-6-astra take
# low..max and reject none and minimal). Only efforts a source names as rejected are flagged (MDL0004).
EFFORTS_4 = "shared/reference/openai-models.md section 4 (litellm supports_none_reasoning_effort flags; api.koog.ai GPT5Pro; 2026 live-API test)"
EFFORTS_8 = section8("first-hand for gpt-6.2-sol, second-hand (3) for the others",
                     "developers.openai.com/api/docs/models/gpt-6.2-sol; BerriAI/litellm discussion 52347; an apidog GPT-6.1 Sol guide; jhd3197/Prompture v1.15.1")
NO_NONE = {"gpt-6.2-sol", "gpt-6.2-astra", "gpt-6.1-sol", "gpt-6-astra"}

def efforts(model_id, accepts_none):
    """(accepted, rejected, source) for a reasoning model; None where nothing is known."""
    base = snapshot_of(model_id) or model_id
    if base in NO_NONE:
        return ["low", "medium", "high", "xhigh", "max"], ["none", "minimal"], EFFORTS_8
    if base == "gpt-5-pro":
        return ["high"], ["none", "minimal", "low", "medium"], EFFORTS_4
    if re.fullmatch(r"gpt-5(-mini|-nano|-codex)?", base):
        return ["minimal", "low", "medium", "high"], ["none"], EFFORTS_4
    if accepts_none:
        return ["none", "low", "medium", "high"], [], EFFORTS_4
    return [], ["none"], EFFORTS_4  # o-series, -pro, codex and chat-latest variants: no none

# --- Capability tiers (shared/reference/openai-models.md section 7, last row): OpenAI sells tiers per generation:
# luna (entry), terra (mid), sol (flagship), astra (top) since GPT-5.6; before that -nano, -mini, the plain name, -pro.
TIER_SOURCE = "naming rule (shared/reference/openai-models.md section 7: sol/terra/luna/astra; plain, -mini, -nano, -pro)"
# Models OpenAI made for one job (search, code, chat-latest aliases, agents): no tier, so never chosen by tier.
SPECIALIZED = re.compile(r"search|codex|chat-latest|^gpt-5-chat$|computer-use|deep-research|instruct|^ft:|cyber|chatgpt-")

def text_tier(base):
    if base.startswith("gpt-3.5-turbo"):
        # Below gpt-4o-mini (mid): OpenAI's gpt-3.5-turbo page recommends gpt-4o-mini as more capable and cheaper.
        return "entry", "below gpt-4o-mini (mid): OpenAI's gpt-3.5-turbo model page recommends gpt-4o-mini as more capable and cheaper (shared/reference/openai-models.md section 2)"
    m = re.fullmatch(r"(?:gpt-\d+(?:\.\d+)?o?|o\d)(?:-(mini|nano|pro|sol|terra|luna|astra|turbo|32k|16k|preview|vision-preview|\d{4}-preview))*", base)
    if not m:
        return None, None
    suffixes = re.findall(r"-(mini|nano|pro|sol|terra|luna|astra)\b", base)
    tier = {"mini": "mid", "terra": "mid", "nano": "entry", "luna": "entry", "pro": "top", "astra": "top", "sol": "flagship"}.get(
        suffixes[-1] if suffixes else "", "flagship")
    return tier, TIER_SOURCE

def audio_task(model_id):
    """Audio models only replace models of the same task; OpenAI's named replacement may cross tasks (tts-1 -> realtime)."""
    if re.search(r"transcribe|whisper", model_id):
        return "transcription"
    if re.search(r"tts", model_id):
        return "speech"
    if "realtime" in model_id:
        return "realtime"
    return "audio-chat"

def tier_of(r):
    kind, model_id = r["kind"], r["id"]
    base = snapshot_of(model_id) or model_id
    if kind in ("chat", "reasoning"):
        return (None, None) if SPECIALIZED.search(model_id) else text_tier(base)
    if kind == "embedding":
        # text-embedding-3-small is priced and named as the entry model, -large above it; ada/babbage the first
        # generation's small engines, curie and davinci its larger ones.
        if re.search(r"3-large|curie", base):
            return "mid", TIER_SOURCE + "; embeddings: -large above -small, curie above ada/babbage"
        if re.search(r"davinci", base):
            return "flagship", TIER_SOURCE + "; embeddings: davinci the largest first-generation engine"
        return "entry", TIER_SOURCE + "; embeddings: -small, ada-002 and the first generation's ada/babbage engines"
    if kind == "image":
        if re.fullmatch(r"dall-e-2", base):
            return "entry", TIER_SOURCE + "; images: dall-e-2 below dall-e-3"
        if re.fullmatch(r"dall-e-3|gpt-image-\d+(\.\d+)?", base):
            return "flagship", TIER_SOURCE
        if re.fullmatch(r"gpt-image-\d+(\.\d+)?-mini", base):
            return "mid", TIER_SOURCE
        return None, None  # chatgpt-image-latest, the sunburst/flare variants: which is which is not known
    if kind == "audio":
        if re.fullmatch(r"tts-1(-\d{4})?", model_id):
            return "mid", TIER_SOURCE + "; tts-1-hd is tts-1's higher-quality tier"
        return ("mid" if "-mini" in base else "flagship"), TIER_SOURCE
    if kind == "moderation":
        return "flagship", "one tier: OpenAI offers one moderation model at a time (omni-moderation replaced text-moderation)"
    return None, None

# Release dates: the first dated snapshot of a model (its id carries the date), else the reference's notes.
RELEASE_NOTES = "shared/reference/openai-models.md section 3 notes"
RELEASED = {
    "gpt-5.6": ("2026-07-09", RELEASE_NOTES + " (gpt-5.6-luna launched 2026-07-09; the family launched together, inferred)"),
    "gpt-5.6-sol": ("2026-07-09", RELEASE_NOTES + " (gpt-5.6-luna launched 2026-07-09; the family launched together, inferred)"),
    "gpt-5.6-terra": ("2026-07-09", RELEASE_NOTES + " (gpt-5.6-luna launched 2026-07-09; the family launched together, inferred)"),
    "gpt-5.6-luna": ("2026-07-09", RELEASE_NOTES),
    "gpt-6-astra": ("2026-09-03", RELEASE_NOTES),
    "gpt-6-sol": ("2026-09-22", RELEASE_NOTES),
    "gpt-6-luna": ("2026-09-22", RELEASE_NOTES),
    "gpt-6.1-sol": ("2026-09-29", RELEASE_NOTES),
    "gpt-6.1-terra": ("2026-10-26", RELEASE_NOTES),
    "gpt-6.2-astra": ("2026-11-17", SECTION7.strip(": ")),
    "gpt-6.2-sol": ("2026-11-17", SECTION7.strip(": ")),
}

def snapshot_date(model_id):
    m = re.search(r"-(\d{4}-\d{2}-\d{2})$", model_id)
    if m:
        return m.group(1)
    m = re.search(r"-(\d{2})(\d{2})(?:-preview)?$", model_id)
    if m and re.match(r"(gpt-3\.5|gpt-4)", model_id):
        # GPT-3.5/GPT-4 snapshots name month and day only: 0301-1106 are 2023's, 0125 is 2024's.
        return ("2024" if m.group(1) == "01" else "2023") + f"-{m.group(1)}-{m.group(2)}"
    return None

first_snapshot = {}
for r in rows:
    date_ = snapshot_date(r["id"])
    alias = snapshot_of(r["id"]) or re.sub(r"-\d{4}(-preview)?$", "", r["id"])
    if date_:
        for key in {r["id"], alias}:
            if key not in first_snapshot or date_ < first_snapshot[key]:
                first_snapshot[key] = date_

def released_of(model_id):
    if model_id in RELEASED:
        return RELEASED[model_id]
    if model_id in first_snapshot:
        return first_snapshot[model_id], "the date in its first dated snapshot's id"
    return None, None

models = []
for r in rows:
    rep = replacement(r["replacement"])
    entry = {
        "id": r["id"],
        "kind": r["kind"],
        "inputPer1M": number(r["input_per_1m"]),
        "cachedInputPer1M": number(r["cached_input_per_1m"]),
        "outputPer1M": number(r["output_per_1m"]),
        "contextWindow": number(r["context_window"]),
        "maxOutput": number(r["max_output"]),
        "reasoning": flag(r["reasoning"]),
        "vision": flag(r["vision"]),
        "tools": flag(r["tools"]),
        "structuredOutputs": flag(r["structured_outputs"]),
        "snapshotOf": snapshot_of(r["id"]),
        "deprecatedOn": date(r["deprecated_on"]),
        # A notice without a known shutdown date still marks the model deprecated.
        "deprecated": r["status"] in ("deprecated", "shutdown"),
        "shutdownOn": date(r["shutdown_on"]),
        "replacement": rep,
        "replacementNote": r["replacement"] if r["replacement"] not in ("", "?", rep) else None,
        "source": r["source"],
    }
    # Section 6: the 2025-09-15 notice shut the listed audio previews on 2026-05-07, a 2026-07-20 notice lists the
    # families for 2027-01-20; which snapshots remain is unclear, so the earliest date is all that is known.
    if r["id"] in ("gpt-4o-audio-preview-2024-12-17", "gpt-4o-audio-preview-2025-06-03") and not entry["shutdownOn"]:
        entry["shutdownNotBefore"] = "2026-05-07"
    tier, tier_source = tier_of(r)
    # A tier ranks models by price: a live model whose price is not known ('?', not 'n/a' = priced in other units) is
    # never chosen by tier.
    if tier and r["input_per_1m"] in ("", "?") and not date(r["shutdown_on"]):
        tier = None
    if tier:
        entry["tier"] = tier
        entry["tierSource"] = tier_source
    released, released_source = released_of(r["id"])
    if released:
        entry["released"] = released
        entry["releasedSource"] = released_source
    if r["kind"] == "audio":
        entry["task"] = audio_task(r["id"])
    rejected = rejected_parameters(r)
    if rejected:
        entry["rejectedParameters"] = rejected
        entry["acceptsNoReasoning"] = accepts_no_reasoning(r["id"]) and (snapshot_of(r["id"]) or r["id"]) not in NO_NONE
        # gpt-5.1 and gpt-5.2 default to effort "none"; GPT-5.4 and later default to a reasoning level.
        entry["reasoningOffByDefault"] = entry["acceptsNoReasoning"] and bool(re.match(r"gpt-5\.[12](-|$)", r["id"]))
        entry["parametersSource"] = PARAMETERS_SOURCE
        accepted, rejected_efforts, efforts_source = efforts(r["id"], entry["acceptsNoReasoning"])
        entry["reasoningEfforts"] = accepted
        entry["rejectedEfforts"] = rejected_efforts
        entry["effortsSource"] = efforts_source
    models.append(entry)

for model_id, kind in MISSING_TARGETS.items():
    models.append({
        "id": model_id, "kind": kind,
        "inputPer1M": None, "cachedInputPer1M": None, "outputPer1M": None,
        "contextWindow": None, "maxOutput": None,
        "reasoning": kind == "reasoning" or None, "vision": None, "tools": None, "structuredOutputs": None,
        "snapshotOf": None, "deprecatedOn": None, "deprecated": False, "shutdownOn": None,
        "replacement": None, "replacementNote": None,
        "source": DEPRECATIONS + " (named as a replacement; no price or limit data found)",
    })

catalog = {
    "asOf": AS_OF,
    "description": "OpenAI models: USD prices per 1M tokens (standard tier), limits, capability flags and lifecycle. "
                   "null = unknown or not applicable. Generated by tools/generate_catalog.py from "
                   "shared/reference/openai-models.csv; do not edit by hand.",
    "models": models,
}
# One model per line keeps diffs of data refreshes readable.
lines = ",\n  ".join(json.dumps(m, ensure_ascii=False) for m in models)
with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    f.write("{\n")
    f.write(f' "asOf": {json.dumps(catalog["asOf"])},\n')
    f.write(f' "description": {json.dumps(catalog["description"])},\n')
    f.write(f' "models": [\n  {lines}\n ]\n}}\n')
print(f"wrote {len(models)} models to {os.path.relpath(OUT, REPO)}")

# --- Azure OpenAI: model names as Azure deployments use them, judged by Azure's own retirement dates. ---
AZURE_SRC = os.path.join(os.path.dirname(SRC), "azure-openai-models.csv")
AZURE_OUT = os.path.join(REPO, "src", "ModelAnalyzers", "Catalog", "azure-models.json")
DATE = r"\d{4}-\d{2}-\d{2}"

def azure_dates(text):
    """(kind, date, note): 'exact' when Azure gives a date, 'notBefore' for 'no earlier than', None when unknown.
    With dates per deployment type, the latest counts (the model is gone only when every type has retired)."""
    text = text or ""
    dates = re.findall(DATE, text)
    if not dates:
        return (None, None, None)
    kind = "notBefore" if re.search(r"no earlier than|not before", text) else "exact"
    note = text if "Standard" in text else None  # dates that differ per deployment type
    return (kind, max(dates), note)

def undated(openai_id):
    openai_id = openai_id.split(" ")[0]
    return re.sub(r"-(\d{4}-\d{2}-\d{2}|\d{4})$", "", openai_id)

if os.path.exists(AZURE_SRC):
    azure = {}
    for r in csv.DictReader(open(AZURE_SRC, encoding="utf-8")):
        names = [n.strip() for n in r["azure_model"].split(" / ")]
        equivalents = [e.strip() for e in r["openai_equivalent_id"].split(" / ")]
        for i, name in enumerate(names):
            if not re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", name):
                continue  # wildcards and prose rows (first-generation families) name no deployable model
            equivalent = name if r["openai_equivalent_id"] in ("same", "") else undated(equivalents[min(i, len(equivalents) - 1)])
            kind, date, note = azure_dates(r["retirement_date"])
            notice = (re.findall(DATE, r["deprecation_date_no_new_customers"] or "") or [None])[0]
            entry = azure.setdefault(name, {"name": name, "openAI": equivalent, "versions": []})
            # "1 / 2": one row for several versions (a fix writes a version into a template, so each is its own).
            versions = [v.strip() for v in r["azure_version"].split(" / ")] if r["azure_version"] else [None]
            for version in versions:
                entry["versions"].append({"version": version, "retirement": kind, "retiresOn": date,
                                          "retirementNote": note, "noNewCustomersFrom": notice, "shared": len(versions) > 1,
                                          "replacement": r["azure_suggested_replacement"] or None, "source": r["source"]})
    # Microsoft's retirement schedule (the ../feeds copy, first-hand, ms.date 2026-07-07; section 8 of the reference) is
    # newer than the table: its date for a model version wins, and versions the table lacks are added.
    SCHEDULE = os.path.join(os.path.dirname(SRC), "..", "feeds", "azure-model-retirement-schedule.md")
    SCHEDULE_SOURCE = ("github.com/MicrosoftDocs/azure-ai-docs:articles/foundry/openai/includes/concepts-model-retirement-schedule-content.md "
                       "(@00bb554, ms.date 2026-07-07; shared/reference/openai-models.md section 8, first-hand)")
    # Later revisions of the same page, read second-hand (reference section 8): (name, version) -> date.
    LATER = {("o3", "2025-04-16"): "2026-10-21", ("gpt-5", "2025-08-07"): "2027-02-09", ("gpt-5.2-codex", "2026-01-14"): "2027-07-13"}
    LATER_SOURCE = "theopenco/llmgateway PR 3465 reading ms.date 2026-07-23 (shared/reference/openai-models.md section 8, second-hand)"
    if os.path.exists(SCHEDULE):
        text = open(SCHEDULE, encoding="utf-8").read()
        section = text.split("### Azure OpenAI", 1)[1].split("####", 1)[0]
        for line in section.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 5 or not re.fullmatch(r"[a-z0-9][a-z0-9.\-]*", cells[0]) or not re.fullmatch(DATE, cells[3]):
                continue
            name, version, lifecycle, retires, replacement_text = cells
            date, source = retires, SCHEDULE_SOURCE
            if (name, version) in LATER:
                date, source = LATER[(name, version)], LATER_SOURCE + " ; " + SCHEDULE_SOURCE
            # Azure's gpt-5.3-chat is OpenAI's gpt-5.3-chat-latest (reference section 5); other names are OpenAI's own.
            openai_name = name + "-latest" if name.endswith("-chat") and name + "-latest" in ids else name
            entry = azure.setdefault(name, {"name": name, "openAI": openai_name, "versions": []})
            known = next((v for v in entry["versions"] if v["version"] == version), None)
            if known is None:
                known = {"version": version, "retirementNote": None, "noNewCustomersFrom": None, "replacement": None, "source": ""}
                entry["versions"].append(known)
            known.update({"retirement": "exact", "retiresOn": date, "lifecycle": lifecycle,
                          "source": (source + " ; " + known["source"]).strip(" ;")})
            if replacement_text not in ("", "—", "-"):
                known["replacement"] = replacement_text

        # A row shared by several models ("text-embedding-3-large / ... (v1, v2)") names versions some of them lack:
        # where the schedule lists the model's versions, those are its versions.
        for name, e in azure.items():
            listed = {v["version"] for v in e["versions"] if v.get("lifecycle")}
            if listed:
                e["versions"] = [v for v in e["versions"] if not v.get("shared") or v["version"] in listed]

    entries = []
    for name, e in azure.items():
        versions = e["versions"]
        # A name is as alive as its longest-lived version; a version without any date makes the whole name unknown.
        if any(v["retirement"] is None for v in versions):
            kind, date = None, None
        else:
            kind = "notBefore" if any(v["retirement"] == "notBefore" for v in versions) else "exact"
            date = max(v["retiresOn"] for v in versions)
        notices = [v["noNewCustomersFrom"] for v in versions]
        entries.append({
            "name": name, "openAI": e["openAI"], "retirement": kind, "retiresOn": date,
            "retirementNote": next((v["retirementNote"] for v in versions if v["retirementNote"]), None),
            "noNewCustomersFrom": max(notices) if notices and all(notices) else None,
            "replacement": next((v["replacement"] for v in versions if v["replacement"] and v["retiresOn"] == date), None),
            "source": " ; ".join(sorted({v["source"] for v in versions})),
            # Per model version: Azure retires versions (and deployment types) on their own dates.
            "versions": [{"version": v["version"], "lifecycle": v.get("lifecycle"), "retirement": v["retirement"], "retiresOn": v["retiresOn"],
                          "retirementNote": v["retirementNote"], "noNewCustomersFrom": v["noNewCustomersFrom"],
                          "replacement": v["replacement"], "source": v["source"]} for v in versions],
        })
    with open(AZURE_OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("{\n")
        f.write(f' "asOf": {json.dumps(AS_OF)},\n')
        f.write(' "description": "Azure OpenAI model names (as deployments are usually named) with Azure\'s retirement dates; retirement is exact, notBefore or null (unknown). Generated by tools/generate_catalog.py from shared/reference/azure-openai-models.csv; do not edit by hand.",\n')
        f.write(' "models": [\n  ' + ",\n  ".join(json.dumps(x, ensure_ascii=False) for x in entries) + "\n ]\n}\n")
    print(f"wrote {len(entries)} Azure models to {os.path.relpath(AZURE_OUT, REPO)}")
