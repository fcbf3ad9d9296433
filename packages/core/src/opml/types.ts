export interface OpmlOutline {
  xmlUrl: string;
  htmlUrl: string | null;
  title: string | null;
  text: string | null;
  /** Name of the folder the feed sits in (the innermost one), else the outline's `category` attribute. */
  category: string | null;
}

export interface OpmlDocument {
  title: string | null;
  outlines: OpmlOutline[];
}

export interface OpmlSource {
  xmlUrl: string;
  htmlUrl?: string | null;
  title?: string | null;
  category?: string | null;
}
