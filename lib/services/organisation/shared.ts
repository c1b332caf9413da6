import { fail, type ServiceFailure } from "../service-result";

export const FORBIDDEN: ServiceFailure = { kind: "forbidden", message: "Seuls les administrateurs gèrent les établissements, les équipes, les prestataires et les zones." };

export const invalidField = (field: string, message: string) => fail<never>({ kind: "invalid", message: "Vérifiez les champs signalés.", errors: [{ field, message }] });
