/**
 * Advice shown before filing a category that the task-sharing convention (seed 002, Annexe I)
 * gives to the school itself. The user may still file: the ticket then goes to the school's own queue.
 */
export type SelfHelp = { task: string; steps: string[] };

export const SELF_HELP: Record<string, SelfHelp> = {
  "POSTE-PERIPH": {
    task: "Changement d'un périphérique (clavier, souris)",
    steps: [
      "Vérifiez que le câble est bien branché, ou que les piles d'un clavier ou d'une souris sans fil sont chargées.",
      "Essayez un autre port USB du poste.",
      "Remplacez le clavier ou la souris par un modèle de la réserve de l'établissement : c'est une tâche de l'établissement.",
    ],
  },
  "IMPR-CONTRAT": {
    task: "Paramétrage des photocopieurs (sous contrats)",
    steps: [
      "Le copieur est sous contrat de service : appelez d'abord le numéro du prestataire affiché sur l'appareil.",
      "Notez le message d'erreur et le compteur de l'appareil avant l'appel.",
      "La Région n'intervient qu'en appui, si le prestataire le demande.",
    ],
  },
  "IMPR-CONSOMMABLE": {
    task: "Gestion des consommables d'impression (toner, papier ...)",
    steps: [
      "Remplacez le toner ou ajoutez du papier : les consommables sont gérés par l'établissement.",
      "Pour un bourrage, ouvrez les trappes indiquées à l'écran et retirez doucement la feuille coincée.",
      "Éteignez puis rallumez l'imprimante si le message persiste.",
    ],
  },
  "CPT-ELEVE": {
    task: "Réinitialisation d'un mot de passe d'un élève",
    steps: [
      "Les mots de passe des élèves se réinitialisent dans l'outil de gestion des comptes de l'établissement (PGCU).",
      "Connectez-vous avec votre compte de correspondant et choisissez « Réinitialiser le mot de passe » sur la fiche de l'élève.",
    ],
  },
  "AV-RACCORD": {
    task: "Se raccorder et faire fonctionner un vidéo projecteur",
    steps: [
      "Vérifiez que le vidéoprojecteur est allumé et que la source choisie (HDMI, VGA) est celle du câble branché.",
      "Sur le poste, appuyez sur Windows + P et choisissez « Dupliquer ».",
      "Vérifiez les branchements électriques et le câble vidéo aux deux bouts.",
    ],
  },
};
