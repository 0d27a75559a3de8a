"use client";

import { ActionForm, FormField, FormSubmit } from "@/components/forms/action-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Checkbox, Input } from "@/components/ui/field";
import { AREA_HINTS, AREA_LABELS, AREAS, LEVELS, ROLE_FLAG_HINTS, ROLE_FLAG_LABELS, ROLE_FLAGS, type RolePermissions } from "@/lib/access/permissions";
import { deleteRoleAction, saveRoleAction } from "./actions";

const LEVEL_LABEL = { none: "None", view: "View", edit: "Edit" } as const;
const BLANK: RolePermissions = { contacts: "none", letters: "none", patients: "none", labs: "none", invoices: "none", sessions: "none", settings: "none", clientScope: "assigned", auditLog: false, emergencyAccess: false };

export function RoleForm({ role, deletable = false }: { role?: { id: string; name: string; builtIn: string | null } & RolePermissions; deletable?: boolean }) {
  const values = role ?? BLANK;
  return (
    <Card>
      <CardHeader title={role ? `Edit ${role.name}` : "New role"} description="Choose what holders of this role may do in each area." />
      <CardBody>
        <ActionForm action={saveRoleAction} idempotent={!role} successMessage="Role saved." aria-label="Role permissions">
          {role && <input type="hidden" name="roleId" value={role.id} />}
          <FormField name="name" label="Role name">
            <Input id="name" name="name" defaultValue={role?.name ?? ""} />
          </FormField>
          {/* A grid of radios from 640 px; below, each area is a row of its own with labelled choices. */}
          <table className="w-full text-sm max-sm:block">
            <caption className="sr-only">Permissions per area</caption>
            <thead className="max-sm:sr-only">
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 pr-4 font-medium">Area</th>
                {LEVELS.map((l) => (
                  <th key={l} scope="col" className="px-3 py-2 text-center font-medium">
                    {LEVEL_LABEL[l]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {AREAS.map((area) => (
                <tr key={area} className="border-b border-slate-100 max-sm:flex max-sm:flex-wrap max-sm:gap-x-5 max-sm:py-2">
                  <th scope="row" className="py-2 pr-4 text-left font-normal max-sm:w-full max-sm:py-1">
                    <span className="font-medium text-slate-900">{AREA_LABELS[area]}</span>
                    <span className="block text-xs text-slate-500">{AREA_HINTS[area]}</span>
                  </th>
                  {LEVELS.map((level) => (
                    <td key={level} className="px-3 py-2 text-center max-sm:p-0">
                      <label className="inline-flex min-h-8 items-center gap-2">
                        <input
                          type="radio"
                          name={area}
                          value={level}
                          defaultChecked={values[area] === level}
                          aria-label={`${AREA_LABELS[area]}: ${LEVEL_LABEL[level]}`}
                          className="size-5 accent-teal-700"
                        />
                        {/* The column header says it on wider screens. */}
                        <span aria-hidden="true" className="sm:hidden">
                          {LEVEL_LABEL[level]}
                        </span>
                      </label>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-900">Client charts seen</legend>
            <label className="flex min-h-8 items-center gap-2 text-sm">
              <input type="radio" name="clientScope" value="all" defaultChecked={values.clientScope === "all"} className="size-5 accent-teal-700" /> All charts of the organisation
            </label>
            <label className="flex min-h-8 items-center gap-2 text-sm">
              <input type="radio" name="clientScope" value="assigned" defaultChecked={values.clientScope === "assigned"} className="size-5 accent-teal-700" /> Only charts whose access list holds them
            </label>
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-900">Also allowed</legend>
            {ROLE_FLAGS.map((flag) => (
              <Checkbox key={flag} id={flag} name={flag} defaultChecked={values[flag]} label={ROLE_FLAG_LABELS[flag]} hint={ROLE_FLAG_HINTS[flag]} />
            ))}
          </fieldset>
          <FormSubmit>{role ? "Save role" : "Create role"}</FormSubmit>
        </ActionForm>
        {role && deletable && (
          <ActionForm action={deleteRoleAction} aria-label="Delete role" className="mt-6 border-t border-slate-100 pt-4">
            <input type="hidden" name="roleId" value={role.id} />
            <ConfirmButton title={`Delete ${role.name}?`} description="Nobody holds this role. Deleting it cannot be undone." confirmLabel="Delete role">
              Delete role
            </ConfirmButton>
          </ActionForm>
        )}
      </CardBody>
    </Card>
  );
}
