/** A carrier as one marketplace gets it: its own code, and the name civetta records and shows. */
export interface ShipCarrier {
  name: string;
  code: string;
}
