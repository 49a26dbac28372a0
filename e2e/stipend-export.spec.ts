import crypto from "node:crypto";
import { stipendClaims } from "@/db/schema";
import { expect, storageStateFor, test } from "./support/fixtures";

test.use({ storageState: storageStateFor("admin") });

const YEAR = new Date().getUTCFullYear();

test("the stipend CSV export guards claim text a spreadsheet could read as a formula, and keeps amounts numeric", async ({ request, db, createPerson }) => {
  const person = await createPerson({ name: `Export Person ${crypto.randomUUID().slice(0, 6)}` });
  const item = `Bob;=1+1 ${crypto.randomUUID().slice(0, 6)}`;
  db.insert(stipendClaims)
    .values({ id: crypto.randomUUID(), personId: person.id, year: YEAR, purchaseDate: `${YEAR}-01-10`, item, vendor: "x\t@SUM(1)", category: "Books", amountPaidMinor: 4_999, currencyPaid: "USD", amountChargedMinor: 4_999, receiptUrl: "https://shop.example.com/r/1" })
    .run();

  const response = await request.get(`/stipend/admin/export?year=${YEAR}`);
  expect(response.status()).toBe(200);
  const line = (await response.text()).split("\r\n").find((l) => l.includes(person.email))!;
  expect(line).toContain(`"${item.replace(";=", ";'=")}","x\t'@SUM(1)",Books,49.99,USD,49.99,Pending approval,no,`);
});
