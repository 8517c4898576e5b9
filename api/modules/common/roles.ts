import { builder } from "../../core/builder.js";
import { roles } from "../../core/roles.js";

export const RoleEnum = builder.enumType("Role", { values: roles });
