/** Cache tag of everything the portal rendered for an agency; invalidated when the agency's public data changes. */
export const agencyTag = (agencyId: string) => `agency:${agencyId}`;
