/** Cofactr's strings as a zod schema: 1–255 characters, counted as code points the way Cofactr
 * (Python) counts them, and reported as an ordinary "too long" problem. */
import { z } from "zod";
import { COFACTR_MAX_STRING, fitsCofactrString } from "../core/cofactr";

export function cofactrString() {
  return z
    .string()
    .min(1)
    .superRefine((text, context) => {
      if (fitsCofactrString(text)) return;
      context.addIssue({
        code: "too_big",
        origin: "string",
        maximum: COFACTR_MAX_STRING,
        inclusive: true,
        input: text,
        message: `must be at most ${COFACTR_MAX_STRING} characters`,
      });
    });
}
