/** How sure the mapper is, in words a user can act on. */
export function confidenceLabel(
  confidence: number,
  source: string | null,
): { text: string; tone: "success" | "warning" | "danger" | "informative" } {
  if (source === "user") return { text: "Your choice", tone: "informative" };
  if (source === "saved") return { text: "Saved", tone: "informative" };
  if (confidence >= 0.8)
    return { text: `Sure (${Math.round(confidence * 100)}%)`, tone: "success" };
  if (confidence >= 0.5)
    return { text: `Likely (${Math.round(confidence * 100)}%)`, tone: "warning" };
  return { text: `Guess (${Math.round(confidence * 100)}%)`, tone: "danger" };
}
