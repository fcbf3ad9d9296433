export interface OpmlOutline {
  /** The feed URL as written in the document (empty when the outline has none); not yet checked. */
  xmlUrl: string;
  htmlUrl: string | null;
  title: string | null;
  text: string | null;
  /** Name of the folder the feed sits in (the innermost one), else the outline's `category` attribute. */
  category: string | null;
}

/** A feed outline the parser could not hand on, and why. */
export interface OpmlSkipped {
  url: string;
  reason: string;
}

export interface OpmlDocument {
  title: string | null;
  outlines: OpmlOutline[];
  skipped: OpmlSkipped[];
}

export interface OpmlSource {
  xmlUrl: string;
  htmlUrl?: string | null;
  title?: string | null;
  category?: string | null;
}
