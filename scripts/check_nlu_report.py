"""Prints Rasa's intent report and fails when the macro-F1 is below the threshold."""

import json
import sys


def main(report_path: str, threshold: float) -> int:
    with open(report_path, encoding="utf-8") as handle:
        report = json.load(handle)
    rows = {k: v for k, v in report.items() if isinstance(v, dict) and "f1-score" in v}
    print(f"{'Intent':<22} {'Präz.':>6} {'Recall':>6} {'F1':>6} {'Anz.':>5}")
    for name, row in sorted(rows.items()):
        if name in ("macro avg", "weighted avg", "micro avg"):
            continue
        print(
            f"{name:<22} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1-score']:>6.3f} "
            f"{row['support']:>5}"
        )
    macro = report["macro avg"]["f1-score"]
    print(
        f"Intent macro-F1: {macro:.3f} (accuracy {report.get('accuracy', float('nan')):.3f}); Schwelle "
        f"{threshold:.2f}"
    )
    if macro < threshold:
        print("FEHLER: NLU macro-F1 unter der Schwelle")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2])))
