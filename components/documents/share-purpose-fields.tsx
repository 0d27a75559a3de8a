"use client";

import { useState } from "react";
import { FormField } from "@/components/forms/action-form";
import { Input, Select } from "@/components/ui/field";
import { PURPOSE_NOTE_MAX, SHARE_PURPOSE_LABELS, SHARE_PURPOSES } from "@/lib/documents/share-purpose";

/** "Purpose of sharing" (+ its text for "Other"), inside an ActionForm: the fields `purpose` and `purposeNote`. */
export function SharePurposeFields() {
  const [purpose, setPurpose] = useState("");
  return (
    <>
      <FormField name="purpose" label="Purpose of sharing" hint="Recorded with the share; the client can see it in their record of disclosures.">
        <Select id="purpose" name="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} required>
          <option value="" disabled>
            Choose a purpose
          </option>
          {SHARE_PURPOSES.map((p) => (
            <option key={p} value={p}>
              {SHARE_PURPOSE_LABELS[p]}
            </option>
          ))}
        </Select>
      </FormField>
      {purpose === "other" && (
        <FormField name="purposeNote" label="Describe the purpose">
          <Input id="purposeNote" name="purposeNote" maxLength={PURPOSE_NOTE_MAX} required autoComplete="off" />
        </FormField>
      )}
    </>
  );
}
