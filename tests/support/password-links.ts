import type { Page } from "playwright-core";
import { expect } from "vitest";
import { readMailbox } from "./mailbox";

/** Server actions answer within seconds on a loaded machine; the default second of expect.poll is too short. */
export const ACTION = { timeout: 15_000 };

/** The path of the one-time link in the latest e-mail with this subject to an address, once the worker has sent it. */
export async function passwordLinkSentTo(mailDir: string, to: string, subject = "Votre compte Guichet est ouvert"): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const mail = (await readMailbox(mailDir)).find((message) => message.to.includes(to) && message.subject === subject);
        link = mail ? /https?:\/\/\S+\/mot-de-passe\/[\w-]+/.exec(mail.text)?.[0] : undefined;
        return link;
      },
      { timeout: 30_000 },
    )
    .toBeDefined();
  return new URL(link!).pathname;
}

/** Types a password twice on a one-time link's page and sends it. */
export async function submitPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel("Nouveau mot de passe").fill(password);
  await page.getByLabel("Confirmez le mot de passe").fill(password);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
}

/** Opens a one-time link, chooses the password and waits until it is saved. */
export async function choosePassword(page: Page, linkPath: string, password: string): Promise<void> {
  await page.goto(linkPath);
  await submitPassword(page, password);
  await expect.poll(() => page.getByText("Votre mot de passe est enregistré.", { exact: false }).count(), ACTION).toBe(1);
}
