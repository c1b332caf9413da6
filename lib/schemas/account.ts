import { z } from "zod";

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid() });
