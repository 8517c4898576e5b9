// What other modules may use of vouchers (nothing here registers GraphQL types).
export { printedCardFor, cardUsername, type PrintedCard } from "./card.js";
