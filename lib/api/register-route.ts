import { checkedUai } from "@/lib/schemas/primitives";
import { readSchoolRegisters, type Registers } from "@/lib/services/registers/read-registers";
import { invalidRequest, problemFromFailure } from "./problem";
import { recordRoute } from "./record-route";
import { registerQuerySchema } from "./register-json";

const schoolRoute = recordRoute("uai", checkedUai);

/**
 * GET /establishments/{uai}/registers/…: one of a school's registers, `?inForce=true` for the entries in force today.
 * 404 for an unknown school or one the caller does not see, 403 for staff who see the school but not its registers.
 */
export const registerRoute = <Item>(pick: (registers: Registers) => Item[]) =>
  schoolRoute(null, async ({ request, uai, caller }) => {
    const query = registerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return invalidRequest(query.error);
    const registers = await readSchoolRegisters(caller, uai, { inForce: query.data.inForce === "true" }, new Date());
    if (!registers.ok) return problemFromFailure(registers.failure);
    return Response.json({ uai: registers.value.school.uai, items: pick(registers.value) });
  });
