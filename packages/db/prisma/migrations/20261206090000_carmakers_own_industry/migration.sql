-- Hand-written, data only: carmakers and their parts makers carry their GICS industry group,
-- "Automobiles & Components", as their sector in the seeded registry (prisma/seed-data/companies.json)
-- instead of "Consumer Discretionary", a sector that holds them beside retailers, restaurants and
-- hotels, so that their stories were given Retail. The seed creates missing companies but never
-- rewrites an existing one (an editor's changes must survive), so a deployment seeded before this
-- change would keep the old sector: this moves the seeded companies whose sector is still the seeded
-- one, and leaves a sector an editor set alone.
UPDATE "Company"
SET "sector" = 'Automobiles & Components', "updatedAt" = CURRENT_TIMESTAMP
WHERE "sector" = 'Consumer Discretionary'
  AND "slug" IN (
    'aptiv', 'bmw', 'borgwarner', 'byd', 'continental', 'denso', 'ferrari', 'ford',
    'geely-automobile', 'general-motors', 'honda', 'hyundai-motor', 'kia', 'li-auto', 'lucid-group',
    'magna-international', 'mahindra-mahindra', 'mazda', 'mercedes-benz-group', 'michelin', 'mobileye',
    'nio', 'nissan', 'nokian-tyres', 'polestar', 'porsche', 'renault', 'rivian', 'stellantis', 'subaru',
    'suzuki-motor', 'tata-motors', 'tesla', 'toyota', 'volkswagen-group', 'volvo-cars', 'waymo', 'xpeng'
  );
