#!/usr/bin/env python3
"""Runs Microsoft Recognizers-Text's English and French test cases (numbers,
percentages, currencies) through newsevents' recognizers and compares values
and spans. Prints the pass rate of every file; fails when a case fails that
recognizers_text_disagreements.tsv does not list.

The cases are read from ../shared/peers/recognizers-text/specs (see its
SOURCE.md for their shape); they are never copied into this repository.
Exit status: 0 all failures listed, 1 an unlisted failure, 77 the specs are
absent (the test is skipped), 2 a usage error.

A case passes when our results and the expected ones pair up one to one:
  - value: numerically equal (relative 1e-9; the peer prints 15 digits);
    for currencies, in the same currency (the peer's unit names map to ISO
    codes below; "50 cents" is 0.50 USD for us, value 50 unit Cent there);
  - span: equal UTF-16 offsets where the case's Start/End agree with its Text
    (End inclusive); otherwise the texts, compared without case.

usage: check_recognizers_text.py --tool TOOL --specs DIR --disagreements TSV
       [--failures] [--file SUBSTRING]
"""
import argparse
import collections
import json
import os
import subprocess
import sys

FILES = [
    # (path under specs/, model for the tool, lang, category)
    ("Number/English/NumberModel.json", "number", "en", "number"),
    ("Number/English/NumberModelPercentMode.json", "number_percentmode", "en", "number"),
    ("Number/English/PercentModel.json", "percent", "en", "percentage"),
    ("Number/English/PercentModelPercentMode.json", "percent_percentmode", "en", "percentage"),
    ("NumberWithUnit/English/CurrencyModel.json", "currency", "en", "currency"),
    ("Number/French/NumberModel.json", "number", "fr", "number"),
    ("Number/French/NumberModelPercentMode.json", "number_percentmode", "fr", "number"),
    ("Number/French/PercentModel.json", "percent", "fr", "percentage"),
    ("Number/French/PercentModelPercentMode.json", "percent_percentmode", "fr", "percentage"),
    ("NumberWithUnit/French/CurrencyModel.json", "currency", "fr", "currency"),
]

# The peer's unit names -> (ISO codes we may answer, what one unit is worth).
UNITS = {
    "Dollar": ({"USD"}, 1), "United States dollar": ({"USD"}, 1),
    "Dollar États-Unis": ({"USD"}, 1),
    "Canadian dollar": ({"CAD"}, 1), "Dollar Canadien": ({"CAD"}, 1),
    "Australian dollar": ({"AUD"}, 1), "Dollar Australien": ({"AUD"}, 1),
    "Hong Kong dollar": ({"HKD"}, 1), "Dollar de Hong Kong": ({"HKD"}, 1),
    "New Zealand dollar": ({"NZD"}, 1), "Dollar néo-zélandais": ({"NZD"}, 1),
    "Pound": ({"GBP"}, 1), "British pound": ({"GBP"}, 1), "Livre": ({"GBP"}, 1),
    "Pence": ({"GBP"}, 0.01), "Penny": ({"GBP"}, 0.01),
    "Cent": ({"USD", "EUR"}, 0.01), "Centimes": ({"EUR"}, 0.01),
    "Euro": ({"EUR"}, 1),
    "Japanese yen": ({"JPY"}, 1), "Yen Japonais": ({"JPY"}, 1),
    "Chinese yuan": ({"CNY"}, 1), "Yuan Chinois": ({"CNY"}, 1),
    "Swiss franc": ({"CHF"}, 1), "Franc Suisse": ({"CHF"}, 1),
    "Franc": ({"CHF", "FRF", "BEF", "XOF"}, 1),
    "Finnish markka": ({"FIM"}, 1), "Mark Finlandais": ({"FIM"}, 1),
    "Peseta": ({"ESP"}, 1),
    "Netherlands guilder": ({"NLG"}, 1), "Florins Néerlandais": ({"NLG"}, 1),
    "Pesewa": ({"GHS"}, 0.01),
    "Turkish lira": ({"TRY"}, 1),
    "Rupee": ({"INR", "LKR", "PKR"}, 1), "Roupie": ({"INR", "LKR", "PKR"}, 1),
    "Roupie indienne": ({"INR"}, 1), "Sri Lankan rupee": ({"LKR"}, 1),
    "Costa Rican colón": ({"CRC"}, 1), "Georgian lari": ({"GEL"}, 1),
    "Lao kip": ({"LAK"}, 1), "Bitcoin": ({"BTC"}, 1), "Satoshi": ({"BTC"}, 1e-8),
    "Mexican peso": ({"MXN"}, 1), "Sen": ({"JPY", "MYR", "IDR"}, 0.01),
}


def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def utf16_offset(data, byte_offset):
    return len(data[:byte_offset].decode("utf-8", "replace").encode("utf-16-le")) // 2


def expected_value(raw, lang):
    if raw is None or raw == "null":
        return None
    text = str(raw).rstrip("%")
    if lang == "fr":
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def matches(expected, ours, case_input, lang, category):
    """Whether one of our results stands for one expected result."""
    resolution = expected.get("Resolution") or {}
    value = expected_value(resolution.get("value"), lang)
    if value is None:
        return False
    if category == "currency":
        if resolution.get("isoCurrency"):
            isos, factor = {resolution["isoCurrency"]}, 1
        else:
            isos, factor = UNITS.get(resolution.get("unit"), (set(), 1))
        if ours["iso"] not in isos:
            return False
        value *= factor
    if not close(value, ours["value"]):
        return False
    data = case_input.encode("utf-8")
    text = expected.get("Text", "")
    start, end = expected.get("Start"), expected.get("End")
    if start is not None and end is not None and end - start + 1 == len(text.encode("utf-16-le")) // 2:
        return (utf16_offset(data, ours["begin"]), utf16_offset(data, ours["end"]) - 1) == (start, end)
    ours_text = data[ours["begin"]:ours["end"]].decode("utf-8", "replace")
    return " ".join(ours_text.lower().split()) == " ".join(text.lower().split())


def case_passes(case, ours, lang, category):
    expected = case.get("Results") or []
    if len(expected) != len(ours):
        return False
    left = list(ours)
    for result in expected:
        for i, candidate in enumerate(left):
            if matches(result, candidate, case["Input"], lang, category):
                del left[i]
                break
        else:
            return False
    return True


def read_disagreements(path):
    listed = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 3 or not fields[2].strip():
                sys.exit(f"{path}:{number}: expected FILE<TAB>INPUT (JSON string)<TAB>REASON")
            try:
                case_input = json.loads(fields[1])
            except json.JSONDecodeError as error:
                sys.exit(f"{path}:{number}: the input is not a JSON string: {error}")
            listed[(fields[0], case_input)] = fields[2]
    return listed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--specs", required=True)
    parser.add_argument("--disagreements", required=True)
    parser.add_argument("--failures", action="store_true",
                        help="print every failing case with both answers")
    parser.add_argument("--file", default="", help="only files whose path has this")
    args = parser.parse_args()

    if not os.path.isdir(args.specs):
        print(f"SKIP: {args.specs} is absent (../shared/peers/recognizers-text); "
              "this test needs ../shared")
        return 77
    listed = read_disagreements(args.disagreements)
    seen_listed = set()
    passing_listed = []
    unlisted = []
    totals = collections.defaultdict(lambda: [0, 0])
    print(f"{'file':46} {'all cases':>16} {'js-supported':>16}")
    for path, model, lang, category in FILES:
        if args.file not in path:
            continue
        full = os.path.join(args.specs, path)
        with open(full, encoding="utf-8-sig") as f:
            cases = json.load(f)
        request = "".join(f"{model}\t{lang}\t{escape(case['Input'])}\n" for case in cases)
        run = subprocess.run([args.tool], input=request.encode("utf-8"),
                             capture_output=True, check=False)
        if run.returncode != 0:
            print(run.stderr.decode("utf-8", "replace"), file=sys.stderr)
            return 2
        answers = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
        if len(answers) != len(cases):
            print(f"{path}: the tool answered {len(answers)} of {len(cases)} cases",
                  file=sys.stderr)
            return 2
        passed = supported = supported_passed = 0
        for case, ours in zip(cases, answers):
            ok = case_passes(case, ours, lang, category)
            not_supported = "javascript" in (case.get("NotSupported", "") +
                                             case.get("NotSupportedByDesign", "")).lower()
            passed += ok
            if not not_supported:
                supported += 1
                supported_passed += ok
            key = (path, case["Input"])
            if key in listed:
                seen_listed.add(key)
                if ok:
                    passing_listed.append(key)
            if not ok:
                if key not in listed:
                    unlisted.append(key)
                if args.failures:
                    data = case["Input"].encode("utf-8")
                    got = [(data[r["begin"]:r["end"]].decode("utf-8", "replace"), r["value"],
                            r["iso"]) for r in ours]
                    want = [(r.get("Text"), (r.get("Resolution") or {}).get("value"),
                             (r.get("Resolution") or {}).get("isoCurrency") or
                             (r.get("Resolution") or {}).get("unit")) for r in case["Results"]]
                    mark = "listed" if key in listed else "UNLISTED"
                    print(f"  FAIL [{mark}] {path} {json.dumps(case['Input'], ensure_ascii=False)}"
                          f"\n    want {want}\n    got  {got}")
        totals[(lang, category)][0] += passed
        totals[(lang, category)][1] += len(cases)
        print(f"{path:46} {passed:4}/{len(cases):<4} {100 * passed / len(cases):5.1f}%"
              f" {supported_passed:4}/{supported:<4} {100 * supported_passed / max(supported, 1):5.1f}%")
    print()
    for (lang, category), (passed, total) in sorted(totals.items()):
        print(f"{lang} {category:11} {passed:4}/{total:<4} {100 * passed / total:5.1f}%")
    if not args.file:
        for path, case_input in sorted(key for key in listed if key not in seen_listed):
            print(f"note: listed case not in the specs: {path} {json.dumps(case_input)}")
    for path, case_input in passing_listed:
        print(f"note: listed case now passes, drop it from the list: {path} "
              f"{json.dumps(case_input, ensure_ascii=False)}")
    if unlisted:
        print(f"\n{len(unlisted)} failing case(s) not in {args.disagreements}:")
        for path, case_input in unlisted:
            print(f"  {path}\t{json.dumps(case_input, ensure_ascii=False)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
