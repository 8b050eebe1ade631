/** The product catalogue: categories, subcategories, brands and price bands (in cents). */
export interface Subcategory {
  readonly category: string;
  readonly name: string;
  /** Singular noun for product names. */
  readonly item: string;
  readonly brands: readonly string[];
  readonly priceCents: readonly [number, number];
  readonly perishable?: boolean;
  readonly refrigerated?: boolean;
  readonly fragile?: boolean;
  readonly minimumAge?: number;
}

export const SUBCATEGORIES: readonly Subcategory[] = [
  { category: 'Eletrônicos', name: 'Smartphones', item: 'Smartphone', brands: ['Samsung', 'Motorola', 'Xiaomi', 'Apple'], priceCents: [79900, 899900], fragile: true },
  { category: 'Eletrônicos', name: 'Notebooks', item: 'Notebook', brands: ['Dell', 'Lenovo', 'Positivo', 'Acer'], priceCents: [199900, 1299900], fragile: true },
  { category: 'Eletrônicos', name: 'Fones de Ouvido', item: 'Fone de Ouvido', brands: ['JBL', 'Sony', 'Edifier'], priceCents: [4990, 149900] },
  { category: 'Eletrônicos', name: 'Televisores', item: 'Smart TV', brands: ['LG', 'Samsung', 'TCL', 'Philco'], priceCents: [129900, 699900], fragile: true },
  { category: 'Casa e Cozinha', name: 'Panelas', item: 'Jogo de Panelas', brands: ['Tramontina', 'Rochedo', 'Brinox'], priceCents: [8990, 129900] },
  { category: 'Casa e Cozinha', name: 'Eletroportáteis', item: 'Air Fryer', brands: ['Mondial', 'Britânia', 'Philips Walita', 'Arno'], priceCents: [19900, 89900] },
  { category: 'Casa e Cozinha', name: 'Cama, Mesa e Banho', item: 'Jogo de Lençol', brands: ['Santista', 'Buddemeyer', 'Altenburg'], priceCents: [5990, 49900] },
  { category: 'Moda', name: 'Camisetas', item: 'Camiseta', brands: ['Hering', 'Reserva', 'Malwee'], priceCents: [2990, 19900] },
  { category: 'Moda', name: 'Calçados', item: 'Tênis', brands: ['Olympikus', 'Havaianas', 'Mizuno', 'Nike'], priceCents: [4990, 79900] },
  { category: 'Esporte e Lazer', name: 'Bicicletas', item: 'Bicicleta Aro 29', brands: ['Caloi', 'Houston', 'Sense'], priceCents: [89900, 599900] },
  { category: 'Esporte e Lazer', name: 'Fitness', item: 'Kit Halteres', brands: ['Kikos', 'Acte Sports'], priceCents: [4990, 59900] },
  { category: 'Beleza e Saúde', name: 'Perfumes', item: 'Perfume', brands: ['O Boticário', 'Natura', 'Eudora'], priceCents: [5990, 39900], fragile: true },
  { category: 'Beleza e Saúde', name: 'Cuidados com a Pele', item: 'Hidratante', brands: ['Nivea', 'Natura', 'Granado'], priceCents: [1990, 14900] },
  { category: 'Livros', name: 'Ficção', item: 'Livro de Romance', brands: ['Companhia das Letras', 'Rocco', 'Intrínseca'], priceCents: [2990, 8990] },
  { category: 'Livros', name: 'Técnicos', item: 'Livro Técnico', brands: ['Novatec', 'Casa do Código', 'Alta Books'], priceCents: [5990, 19900] },
  { category: 'Alimentos e Bebidas', name: 'Cafés', item: 'Café Especial 500g', brands: ['3 Corações', 'Melitta', 'Pilão'], priceCents: [1590, 8990], perishable: true },
  { category: 'Alimentos e Bebidas', name: 'Vinhos', item: 'Vinho Tinto', brands: ['Miolo', 'Salton', 'Casa Valduga'], priceCents: [3990, 29900], perishable: true, minimumAge: 18, fragile: true },
  { category: 'Alimentos e Bebidas', name: 'Laticínios', item: 'Queijo Minas Artesanal', brands: ['Tirolez', 'Serra da Canastra'], priceCents: [2490, 9990], perishable: true, refrigerated: true },
  { category: 'Brinquedos', name: 'Jogos', item: 'Jogo de Tabuleiro', brands: ['Estrela', 'Grow'], priceCents: [4990, 29900], minimumAge: 8 },
  { category: 'Brinquedos', name: 'Bonecos', item: 'Boneco de Ação', brands: ['Estrela', 'Hasbro', 'Mattel'], priceCents: [3990, 24900], minimumAge: 3 },
];

export const COLORS = ['Preto', 'Branco', 'Azul', 'Vermelho', 'Cinza', 'Verde', 'Rosa', 'Prata'] as const;
export const MATERIALS = ['Plástico', 'Alumínio', 'Algodão', 'Aço Inox', 'Vidro', 'Madeira', 'Papel'] as const;
